// Type declarations for @racelint/runtime (see README.md for the
// contracts; each export's JSDoc in src/ says the same in more detail).

/** A function that releases a held lock.  Calling it again is a no-op. */
export type Release = () => void;

export interface AcquireOptions {
  /** Give up after this many milliseconds (rejects with MutexTimeoutError). */
  timeout?: number;
  /** Give up when aborted (rejects with `signal.reason`). */
  signal?: AbortSignal;
}

/** Rejection reason when `acquire({ timeout })` runs out of time. */
export class MutexTimeoutError extends Error {
  constructor(mutex: Mutex, timeout: number);
  readonly name: 'MutexTimeoutError';
  readonly code: 'ERR_MUTEX_TIMEOUT';
  readonly mutexId: number;
  readonly timeout: number;
}

/** FIFO asynchronous mutex with direct hand-off.  Not re-entrant. */
export class Mutex {
  constructor();
  /** Unique id, increasing in construction order (withLocks sorts by it). */
  readonly id: number;
  /** Number of callers currently waiting in acquire(). */
  readonly waiting: number;
  /** Wait for the lock; resolves with the function that releases it. */
  acquire(options?: AcquireOptions): Promise<Release>;
  /** Take the lock if it is free right now, else return null. */
  tryAcquire(): Release | null;
  /** Run fn holding the lock; released however fn ends. */
  runExclusive<T>(fn: () => T | PromiseLike<T>, options?: AcquireOptions): Promise<Awaited<T>>;
  /** True while the lock is held. */
  isLocked(): boolean;
}

/**
 * Run fn holding all the given mutexes, acquired in ascending `id` order
 * (duplicates ignored) so overlapping callers cannot deadlock.
 * `timeout` bounds the whole acquisition.
 */
export function withLocks<T>(
  mutexes: Iterable<Mutex>,
  fn: () => T | PromiseLike<T>,
  options?: AcquireOptions,
): Promise<Awaited<T>>;

/** Getter returned by lazy(). */
export interface LazyGetter<T> {
  (): Promise<T>;
  /** Forget the cached value; the next call runs the factory again. */
  reset(): void;
}

/**
 * One shared factory call for all concurrent callers; cached once it
 * fulfils; retried on the next call after a rejection.
 */
export function lazy<T>(factory: () => T | PromiseLike<T>): LazyGetter<Awaited<T>>;

/** Run fn on the first call only; later calls return (or rethrow) its outcome. */
export function once<F extends (...args: any[]) => any>(fn: F): F;

/** A single-flight group created by createSingleFlight(). */
export interface SingleFlightGroup {
  <T>(key: unknown, fn: () => T | PromiseLike<T>): Promise<Awaited<T>>;
  /** True while a call for key is pending. */
  has(key: unknown): boolean;
  /** Number of keys with a pending call. */
  readonly size: number;
}

/** Concurrent calls with the same key share one pending promise (process-wide group). */
export function singleFlight<T>(key: unknown, fn: () => T | PromiseLike<T>): Promise<Awaited<T>>;

/** Create an independent single-flight group. */
export function createSingleFlight(): SingleFlightGroup;

/** One rejected input of settleAll(). */
export interface SettleFailure {
  index: number;
  reason: unknown;
}

/** Thrown by settleAll() when any input rejected. */
export class SettleAllError extends AggregateError {
  constructor(results: PromiseSettledResult<unknown>[]);
  readonly name: 'SettleAllError';
  /** Values by input index; undefined where the input rejected. */
  readonly values: unknown[];
  /** Every rejection with its input index, in order. */
  readonly failures: SettleFailure[];
  /** The Promise.allSettled() outcomes. */
  readonly results: PromiseSettledResult<unknown>[];
}

/**
 * Wait for all inputs; resolve with their values if none rejected, else
 * reject with SettleAllError carrying values and failures.
 */
export function settleAll<T extends readonly unknown[] | []>(
  promises: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>;
export function settleAll<T>(promises: Iterable<T | PromiseLike<T>>): Promise<Awaited<T>[]>;

export interface MapConcurrentOptions {
  /** Maximum calls in flight (positive integer or Infinity; default 8). */
  concurrency?: number;
}

/**
 * fn over all items with bounded concurrency; results in input order.
 * On the first failure: no new starts, running calls awaited, then reject.
 */
export function mapConcurrent<T, R>(
  items: Iterable<T>,
  fn: (item: T, index: number) => R | PromiseLike<R>,
  options?: MapConcurrentOptions,
): Promise<Awaited<R>[]>;

/** Await fn(item, index) for each item in turn (sync or async iterable). */
export function forEachAsync<T>(
  items: Iterable<T> | AsyncIterable<T>,
  fn: (item: T, index: number) => unknown,
): Promise<void>;

/**
 * Run fn now; a synchronous throw or a rejection goes to onError
 * (asynchronously) instead of becoming an unhandled rejection.
 */
export function runInBackground(fn: () => unknown, onError: (error: unknown) => unknown): void;

/** What read() returns for updateWithVersion(). */
export interface Versioned<V, Ver = unknown> {
  value: V;
  version: Ver;
}

export interface UpdateWithVersionOptions<V, Ver = unknown> {
  /** Compute the new value from the current one (may run several times: keep it pure). */
  update: (value: V, info: { attempt: number; version: Ver }) => V | PromiseLike<V>;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** Random delay of up to backoff * attempt ms between attempts (default 0). */
  backoff?: number;
}

/** Thrown when every attempt of updateWithVersion() hit a version conflict. */
export class VersionConflictError extends Error {
  constructor(attempts: number, lastVersion: unknown);
  readonly name: 'VersionConflictError';
  readonly code: 'ERR_VERSION_CONFLICT';
  readonly attempts: number;
  readonly lastVersion: unknown;
}

/**
 * Optimistic compare-and-set: read -> update -> write(new, versionRead);
 * write returns false on a version conflict and the loop retries.
 * Resolves with the value written.
 */
export function updateWithVersion<V, Ver = unknown>(
  read: () => Versioned<V, Ver> | PromiseLike<Versioned<V, Ver>>,
  write: (newValue: V, expectedVersion: Ver) => boolean | PromiseLike<boolean>,
  options: UpdateWithVersionOptions<V, Ver>,
): Promise<V>;
