// @racelint/runtime: settleAll().
//
// Replaces `Promise.all` where a failure must not leave the other
// operations running unobserved or lose their results (racelint rule
// `promise-all-mutation`): waits for everything, then reports all values
// and all failures together.

/**
 * Thrown by settleAll() when at least one input rejected.  An
 * AggregateError whose `errors` are the rejection reasons, plus:
 *   values   - array as long as the input: the value where the input
 *              fulfilled, undefined where it rejected
 *   failures - [{ index, reason }] for every rejected input, in order
 *   results  - the Promise.allSettled() outcomes
 */
export class SettleAllError extends AggregateError {
  constructor(results) {
    const values = [];
    const failures = [];
    results.forEach((r, index) => {
      if (r.status === 'fulfilled') {
        values[index] = r.value;
      } else {
        values[index] = undefined;
        failures.push({ index, reason: r.reason });
      }
    });
    const first = failures[0];
    const firstMsg = first.reason instanceof Error ? first.reason.message : String(first.reason);
    super(
      failures.map((f) => f.reason),
      `settleAll: ${failures.length} of ${results.length} operations failed ` +
        `(first at index ${first.index}: ${firstMsg})`,
    );
    this.name = 'SettleAllError';
    this.values = values;
    this.failures = failures;
    this.results = results;
  }
}

/**
 * Wait for every promise (or plain value) in the iterable to settle.
 * Resolves with the array of values, in input order, if none rejected;
 * otherwise rejects with a SettleAllError carrying both the values that
 * did arrive and every failure with its index.  Never leaves a rejection
 * unhandled.
 */
export async function settleAll(promises) {
  const results = await Promise.allSettled(promises);
  if (results.every((r) => r.status === 'fulfilled')) return results.map((r) => r.value);
  throw new SettleAllError(results);
}
