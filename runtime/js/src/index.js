// @racelint/runtime: the JavaScript primitives racelint's fix hints point
// to.  Named exports only; no dependencies; Node >= 18 (any ES2022
// runtime with queueMicrotask and AggregateError).
export { Mutex, MutexTimeoutError, withLocks } from './mutex.js';
export { lazy, once } from './lazy.js';
export { singleFlight, createSingleFlight } from './single-flight.js';
export { settleAll, SettleAllError } from './settle.js';
export { mapConcurrent, forEachAsync } from './concurrency.js';
export { runInBackground } from './background.js';
export { updateWithVersion, VersionConflictError } from './version.js';
