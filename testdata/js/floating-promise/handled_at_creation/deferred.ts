// expect-none
// Promises settled from outside; the first gets a rejection handler as it
// is made, so a copy nobody awaits loses nothing.
export interface Deferred<T> extends Promise<T> {
  resolve: (v: T) => void
  reject: (e: unknown) => void
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const p = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  }) as Deferred<T>
  p.catch(() => {
    // the owner awaits p; this only keeps a dropped copy quiet
  })
  p.resolve = resolve
  p.reject = reject
  return p
}

export function bare<T>(): Deferred<T> {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const p = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  }) as Deferred<T>
  p.resolve = resolve
  p.reject = reject
  return p
}
