// @racelint/runtime: Mutex and withLocks.
//
// An asynchronous mutual-exclusion lock for code that awaits between
// reading and writing shared state (racelint rules `shared-mutable-state`,
// `check-then-act`, `lock-balance`), with FIFO hand-off, timeouts,
// AbortSignal support, and withLocks() for taking several locks in one
// global order (rule `lock-order`).

let nextId = 1;

/** Rejection reason of `acquire({ timeout })` when the time runs out. */
export class MutexTimeoutError extends Error {
  constructor(mutex, timeout) {
    super(
      `Mutex #${mutex.id}: could not acquire the lock within ${timeout} ms ` +
        '(it is still held; is some holder awaiting forever, or was a release function never called?)',
    );
    this.name = 'MutexTimeoutError';
    this.code = 'ERR_MUTEX_TIMEOUT';
    this.mutexId = mutex.id;
    this.timeout = timeout;
  }
}

function checkTimeout(timeout, where) {
  if (timeout === undefined || timeout === Infinity) return undefined;
  if (typeof timeout !== 'number' || !(timeout >= 0) || !Number.isFinite(timeout)) {
    throw new TypeError(`${where}: timeout must be a non-negative number of milliseconds, got ${String(timeout)}`);
  }
  return timeout;
}

function abortReason(signal) {
  if (signal.reason !== undefined) return signal.reason;
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

/**
 * A FIFO asynchronous mutex.  `acquire()` resolves with a release
 * function; the lock passes directly to the longest waiter on release, so
 * waiters are served in call order and `tryAcquire()` never jumps the
 * queue.  Not re-entrant: acquiring a mutex you already hold waits for
 * ever (use a timeout to turn that into an error).
 */
export class Mutex {
  #locked = false;
  #queue = []; // waiters, FIFO; settled entries are skipped lazily
  #head = 0;
  #waiting = 0;

  constructor() {
    /** Unique, increasing with construction order; withLocks() sorts by it. */
    this.id = nextId++;
  }

  /** True while some caller holds the lock. */
  isLocked() {
    return this.#locked;
  }

  /** Number of callers waiting in acquire(). */
  get waiting() {
    return this.#waiting;
  }

  /**
   * Take the lock without waiting: returns a release function, or null if
   * the lock is held (or others are already waiting for it).
   */
  tryAcquire() {
    if (this.#locked) return null;
    this.#locked = true;
    return this.#makeRelease();
  }

  /**
   * Wait for the lock.  Resolves with a release function that must be
   * called exactly once (later calls are ignored), typically in `finally`.
   * Options: `timeout` (ms) rejects with MutexTimeoutError, `signal`
   * (AbortSignal) rejects with its reason; either way the caller leaves
   * the queue and never gets the lock.
   */
  acquire(options = {}) {
    const timeout = checkTimeout(options?.timeout, 'Mutex#acquire');
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve(this.#makeRelease());
    }
    return new Promise((resolve, reject) => {
      const waiter = { settled: false, grant: null, fail: null, cleanup: null };
      let timer;
      let onAbort;
      waiter.cleanup = () => {
        if (timer !== undefined) clearTimeout(timer);
        if (onAbort) signal.removeEventListener('abort', onAbort);
      };
      waiter.grant = (release) => {
        waiter.settled = true;
        this.#waiting--;
        waiter.cleanup();
        resolve(release);
      };
      waiter.fail = (err) => {
        if (waiter.settled) return;
        waiter.settled = true;
        this.#waiting--;
        waiter.cleanup();
        reject(err);
      };
      if (timeout !== undefined) {
        timer = setTimeout(() => waiter.fail(new MutexTimeoutError(this, timeout)), timeout);
      }
      if (signal) {
        onAbort = () => waiter.fail(abortReason(signal));
        signal.addEventListener('abort', onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#waiting++;
    });
  }

  /**
   * Run `fn` (sync or async) while holding the lock and release it
   * afterwards, whether fn returns, throws or rejects.  Resolves/rejects
   * with fn's outcome.  `options` as for acquire().
   */
  async runExclusive(fn, options) {
    if (typeof fn !== 'function') throw new TypeError('Mutex#runExclusive: fn must be a function');
    const release = await this.acquire(options);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  #makeRelease() {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#handOff();
    };
  }

  #handOff() {
    while (this.#head < this.#queue.length) {
      const waiter = this.#queue[this.#head];
      this.#queue[this.#head++] = undefined;
      if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
        this.#queue = this.#queue.slice(this.#head);
        this.#head = 0;
      }
      if (!waiter.settled) {
        waiter.grant(this.#makeRelease()); // stays locked: direct hand-off
        return;
      }
    }
    this.#queue.length = 0;
    this.#head = 0;
    this.#locked = false;
  }
}

/**
 * Run `fn` while holding every mutex in `mutexes`.  The locks are taken
 * in ascending `id` order (duplicates ignored) whatever order the caller
 * lists them in, so concurrent withLocks() calls over overlapping sets
 * can never deadlock; they are released in reverse order when fn settles.
 * `options.timeout` bounds the whole acquisition (MutexTimeoutError);
 * `options.signal` aborts it.  On failure no lock is left held.
 */
export async function withLocks(mutexes, fn, options = {}) {
  if (typeof fn !== 'function') throw new TypeError('withLocks: fn must be a function');
  const unique = [...new Set(mutexes)];
  for (const m of unique) {
    if (!(m instanceof Mutex)) throw new TypeError('withLocks: every entry must be a Mutex');
  }
  unique.sort((a, b) => a.id - b.id);
  const timeout = checkTimeout(options?.timeout, 'withLocks');
  const deadline = timeout === undefined ? undefined : Date.now() + timeout;
  const releases = [];
  try {
    for (const m of unique) {
      const remaining = deadline === undefined ? undefined : Math.max(0, deadline - Date.now());
      try {
        releases.push(await m.acquire({ timeout: remaining, signal: options?.signal }));
      } catch (err) {
        // Report the caller's overall timeout, not what was left of it.
        if (err instanceof MutexTimeoutError) throw new MutexTimeoutError(m, timeout);
        throw err;
      }
    }
    return await fn();
  } finally {
    for (let i = releases.length - 1; i >= 0; i--) releases[i]();
  }
}
