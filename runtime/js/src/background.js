// @racelint/runtime: runInBackground().
//
// For timers, event handlers and other callers that cannot await: runs
// the work now and routes every failure to an error handler, so nothing
// becomes an unhandled rejection (racelint rules `floating-promise`,
// `callback-promise-mix`).

function rethrowAsync(err) {
  queueMicrotask(() => {
    throw err;
  });
}

function report(onError, err) {
  try {
    const r = onError(err);
    if (r !== null && typeof r === 'object' && typeof r.then === 'function') r.then(undefined, rethrowAsync);
  } catch (handlerErr) {
    // The error handler itself failed: nowhere sensible is left, so make
    // it loud (an uncaught exception) rather than silent.
    rethrowAsync(handlerErr);
  }
}

/**
 * Call `fn()` immediately and return nothing.  If it throws
 * synchronously, or returns a promise (thenable) that rejects, `onError`
 * is called with the error -- always asynchronously, never from inside
 * runInBackground() itself.  `onError` is required.  If onError throws or
 * rejects, that error is re-thrown from a microtask (an uncaught
 * exception), because swallowing it would hide two bugs.
 *
 *   setInterval(() => runInBackground(() => refreshCache(), (err) => log.error(err)), 60_000);
 */
export function runInBackground(fn, onError) {
  if (typeof fn !== 'function') throw new TypeError('runInBackground: fn must be a function');
  if (typeof onError !== 'function') {
    throw new TypeError('runInBackground: onError must be a function (failures have to go somewhere)');
  }
  let result;
  try {
    result = fn();
  } catch (err) {
    queueMicrotask(() => report(onError, err));
    return;
  }
  if (result !== null && (typeof result === 'object' || typeof result === 'function') &&
      typeof result.then === 'function') {
    result.then(undefined, (err) => report(onError, err));
  }
}
