// @racelint/runtime: lazy() and once().
//
// Lazy initialisation without the `if (!client) client = await create()`
// race (racelint rule `lazy-init-race`): every concurrent caller shares
// the one pending factory call.

/**
 * Wrap an (async) factory so that it runs at most once at a time and its
 * result is cached:
 *
 *   const getClient = lazy(() => createClient());
 *   const client = await getClient();
 *
 * The first call invokes `factory()` (synchronously, within that call);
 * every call made while it is pending, and every call after it fulfilled,
 * gets the same promise.  If it rejects (or throws), all callers that
 * were waiting see that rejection, the cache is cleared, and the next
 * call runs the factory again.
 *
 * The returned getter has `reset()`: forget the cached value so the next
 * call creates a new one (callers already holding the old promise keep
 * it; disposing of the old value is up to you).
 */
export function lazy(factory) {
  if (typeof factory !== 'function') throw new TypeError('lazy: factory must be a function');
  let pending = null;
  const get = () => {
    if (pending === null) {
      const p = (async () => factory())();
      pending = p;
      // Registered before any caller's handler, so by the time a caller
      // sees the rejection the next call already retries.
      p.catch(() => {
        if (pending === p) pending = null;
      });
    }
    return pending;
  };
  get.reset = () => {
    pending = null;
  };
  return get;
}

/**
 * Make `fn` run only on the first call; later calls return the first
 * call's return value (or throw its exception again) without calling fn.
 * If fn returns a promise, that same promise is returned every time --
 * including a rejected one: `once` never retries (use lazy() for that).
 * A recursive call from inside fn throws an Error.
 */
export function once(fn) {
  if (typeof fn !== 'function') throw new TypeError('once: fn must be a function');
  let state = 0; // 0 = not called, 1 = running, 2 = returned, 3 = threw
  let outcome;
  return function onceWrapper(...args) {
    if (state === 0) {
      state = 1;
      try {
        outcome = fn.apply(this, args);
        state = 2;
      } catch (err) {
        outcome = err;
        state = 3;
      }
    } else if (state === 1) {
      throw new Error('once: the function called itself before its first call returned');
    }
    if (state === 3) throw outcome;
    return outcome;
  };
}
