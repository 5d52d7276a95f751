import { ignore, swallow, rethrow, note, load } from './helpers'

export class Store {
  private pending?: Promise<number>
  private quiet = false

  // cannot reject: both branches end in a handler with an empty body
  cancel(): Promise<void> {
    const p = this.pending
    return p ? p.then(ignore).catch(ignore) : Promise.resolve()
  }

  settle(): Promise<void> {
    return load('a').then(() => undefined).catch(swallow)
  }

  // can reject: the handler rethrows
  abort(): Promise<void> {
    return load('b').then(() => undefined).catch(rethrow)
  }

  // can reject: a handler that is not empty could throw
  record(): Promise<void> {
    return load('c').then(() => undefined).catch(note)
  }

  // caught unless the caller asks for the rejection
  fetchOne(opts?: { throwOnError?: boolean }): Promise<number | undefined> {
    let promise: Promise<number | undefined> = load('d')
    if (!opts?.throwOnError) {
      promise = promise.catch(ignore)
    }
    return promise
  }

  // caught on a condition the arguments do not decide
  fetchQuietly(key: string): Promise<number | undefined> {
    let promise: Promise<number | undefined> = load(key)
    if (this.quiet) promise = promise.catch(ignore)
    return promise
  }

  // a default parameter value is not undefined
  fetchDefault(opts: { throwOnError?: boolean } = { throwOnError: true }): Promise<number | undefined> {
    let promise: Promise<number | undefined> = load('e')
    if (!opts?.throwOnError) promise = promise.catch(ignore)
    return promise
  }

  destroy(): void {
    this.cancel()
    this.settle()
    this.fetchOne()
    // expect: [floating-promise] "'abort'"
    this.abort()
    // expect: [floating-promise] "'record'"
    this.record()
    // expect: [floating-promise] "'fetchOne'"
    this.fetchOne({ throwOnError: true })
    // expect: [floating-promise] "'fetchQuietly'"
    this.fetchQuietly('f')
    // expect: [floating-promise] "'fetchDefault'"
    this.fetchDefault()
  }
}
