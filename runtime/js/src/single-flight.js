// @racelint/runtime: singleFlight() and createSingleFlight().
//
// De-duplicates concurrent work per key (racelint rules `check-then-act`,
// `lazy-init-race`): while a call for a key is pending, further calls for
// that key get the same promise instead of starting the work again.

/**
 * Create an independent single-flight group: a function
 * `run(key, fn)` that returns the pending promise for `key` if there is
 * one, and otherwise calls `fn()` and shares its promise until it settles
 * (fulfilled or rejected); after that the key is free and the next call
 * runs `fn` again.  Keys are compared like Map keys.  A synchronous throw
 * from fn becomes a rejection.  Results are not cached beyond settling.
 *
 * `run.has(key)` tells whether a call for key is in flight; `run.size`
 * counts keys in flight.
 */
export function createSingleFlight() {
  const inFlight = new Map();
  const run = (key, fn) => {
    const existing = inFlight.get(key);
    if (existing !== undefined) return existing;
    if (typeof fn !== 'function') throw new TypeError('singleFlight: fn must be a function');
    const p = (async () => fn())();
    inFlight.set(key, p);
    const clear = () => {
      if (inFlight.get(key) === p) inFlight.delete(key);
    };
    p.then(clear, clear);
    return p;
  };
  run.has = (key) => inFlight.has(key);
  Object.defineProperty(run, 'size', { get: () => inFlight.size, enumerable: true });
  return run;
}

const defaultGroup = createSingleFlight();

/**
 * `singleFlight(key, fn)` in one process-wide group:
 *
 *   const user = await singleFlight(`user:${id}`, () => fetchUser(id));
 *
 * Use createSingleFlight() for a group private to one module/instance
 * (keys in the global group are shared by all callers of the package).
 */
export function singleFlight(key, fn) {
  return defaultGroup(key, fn);
}
