// @racelint/runtime: mapConcurrent() and forEachAsync().
//
// Awaiting inside `array.forEach(async ...)` awaits nothing, and
// awaiting one item at a time in a loop is needlessly serial (racelint
// rules `callback-promise-mix`, `sequential-await`, `floating-promise`).

function checkConcurrency(concurrency) {
  if (concurrency === Infinity) return concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`mapConcurrent: concurrency must be a positive integer or Infinity, got ${String(concurrency)}`);
  }
  return concurrency;
}

/**
 * Call `fn(item, index)` for every item of the iterable with at most
 * `concurrency` calls in flight (default 8), and resolve with the results
 * in input order.  If a call throws or rejects, no further items are
 * started, the calls already running are awaited (none is left floating),
 * and the promise rejects with the first error.
 */
export async function mapConcurrent(items, fn, options = {}) {
  if (typeof fn !== 'function') throw new TypeError('mapConcurrent: fn must be a function');
  const concurrency = checkConcurrency(options?.concurrency ?? 8);
  const list = Array.from(items);
  const results = new Array(list.length);
  let next = 0;
  let failed = false;
  let firstError;
  const worker = async () => {
    while (!failed && next < list.length) {
      const index = next++;
      try {
        results[index] = await fn(list[index], index);
      } catch (err) {
        if (!failed) {
          failed = true;
          firstError = err;
        }
      }
    }
  };
  const workers = [];
  for (let i = 0; i < Math.min(concurrency, list.length); i++) workers.push(worker());
  await Promise.all(workers); // workers never reject
  if (failed) throw firstError;
  return results;
}

/**
 * Await `fn(item, index)` for each item in turn -- the sequential
 * `for ... of` + `await` loop, for when order matters or the calls must
 * not overlap.  Accepts sync and async iterables.  Stops at (and rejects
 * with) the first error.
 */
export async function forEachAsync(items, fn) {
  if (typeof fn !== 'function') throw new TypeError('forEachAsync: fn must be a function');
  let index = 0;
  if (items != null && typeof items[Symbol.asyncIterator] === 'function') {
    for await (const item of items) await fn(item, index++);
  } else {
    for (const item of items) await fn(item, index++);
  }
}
