import { ignore, load } from './helpers'

// racelint:strict reports a promise that cannot reject, too
export class Store {
  private pending?: Promise<number>

  cancel(): Promise<void> {
    const p = this.pending
    return p ? p.then(ignore).catch(ignore) : Promise.resolve()
  }

  fetchOne(opts?: { throwOnError?: boolean }): Promise<number | undefined> {
    let promise: Promise<number | undefined> = load('d')
    if (!opts?.throwOnError) {
      promise = promise.catch(ignore)
    }
    return promise
  }

  destroy(): void {
    // expect: [floating-promise] "'cancel'"
    this.cancel()
    // expect: [floating-promise] "'fetchOne'"
    this.fetchOne()
  }
}
