// expect-none
export { delay, now } from './api';
export type { Redis, Cache } from './types';
