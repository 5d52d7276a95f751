// Code after variance annotations, auto-accessors and import type
// arguments is analysed, at the columns as written.
interface Sink<in T> { put(v: T): Promise<void> }
export class Uploader<out R> {
  static accessor active = 0;
  private accessor last: import('./types').Result<R> | null = null;
  constructor(private readonly sink: Sink<string>) {}
  flushAll(names: string[]) {
    names.forEach(async (n) => { await this.sink.put(n); }); // expect: 11 [callback-promise-mix]
  }
}
