// A queue client's entry point: star and named re-exports.
export * from './queue';
export { default as Client } from './client';
export type { Later } from './base';
