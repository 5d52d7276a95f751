// expect-none
// An import type with type arguments.
export type Boxed = import('./box').Box<number>;
export let cache: import('./cache').ns.Store<string, Array<number>> | null = null;
export function wrap(x: import('./box').Box<string>): typeof import('./box').Box<string> {
  return x as any;
}
