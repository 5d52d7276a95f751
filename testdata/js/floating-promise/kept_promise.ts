// A function that hands back a promise the object keeps and settles
// itself (a deferred, a ready promise): every caller gets the same one,
// and whoever stored it awaits it. Dropping one caller's copy loses
// nothing, so the default preset does not report it
// (kept_promise_strict/ shows racelint:strict does).

interface Deferred<T> { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void }

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, fail) => { resolve = ok; reject = fail; });
  return { promise, resolve, reject };
}

class Link {
  private back: Deferred<boolean> | null = null;
  private ready: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(ready: Promise<void>) {
    this.ready = ready;
  }

  // the loop awaits this.back.promise; a poll resolves it
  waitForBack(delay: number): Promise<boolean> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), delay);
    if (!this.back) this.back = deferred<boolean>();
    return this.back.promise;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  poll(): void {
    this.back?.resolve(true);
  }

  onOffline(): void {
    this.waitForBack(0);
    this.whenReady();
  }
}

export { Link };
// expect-none
