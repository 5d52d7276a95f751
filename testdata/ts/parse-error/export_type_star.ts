// expect-none
// TypeScript 5.0: re-export only the types of a module.
export type * from './types';
export type * as Types from './types';
export type { Row } from './row';
