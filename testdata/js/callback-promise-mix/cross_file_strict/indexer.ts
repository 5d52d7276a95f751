// expect-none
export { reindex } from './impl/reindex';
