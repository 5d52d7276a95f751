// expect-none
// TypeScript 4.7: variance annotations on type parameters.
export interface Producer<out T> { next(): T }
export interface Consumer<in T> { accept(v: T): void }
export interface Channel<in out T> { send(v: T): void; recv(): T }
export type Mapper<in A, out B extends object = {}> = (a: A) => B;
export class Box<out T> { constructor(private readonly v: T) {} get(): T { return this.v; } }
// near-misses: parameters and fields named in / out stay as written
export class Pipe {
  in = 0;
  out = 1;
  move<T>(value: T, out: T[]): number { out.push(value); return this.in; }
}
