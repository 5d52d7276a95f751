// expect-none
export { reindex as rebuild } from './indexer';
