// settleAll: waits for everything; on failure reports the values and every
// failure with its index.  Contrast: Promise.all rejects while other
// operations are still running and drops their results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settleAll, SettleAllError } from '../src/index.js';
import { rng, randomDelay, deferred } from '../test-support/random.js';

test('Promise.all rejects early and leaves work running unobserved (the bug)', async () => {
  let finished = 0;
  // Three operations; the test decides when each one completes.
  const gates = [deferred(), deferred(), deferred()];
  const work = (i, fail) =>
    gates[i].promise.then(() => {
      finished++;
      if (fail) throw new Error(`operation ${i} failed`);
      return i;
    });
  const inputs = [work(0, false), work(1, true), work(2, false)];
  gates[1].resolve();
  await assert.rejects(Promise.all(inputs), /operation 1 failed/);
  assert.equal(finished, 1, 'the other operations were still in flight');
  gates[0].resolve();
  gates[2].resolve();
  await Promise.allSettled(inputs); // tidy up
  assert.equal(finished, 3);
});

test('settleAll: resolves with the values in order when none fails', async () => {
  const random = rng(30);
  const inputs = Array.from({ length: 1000 }, async (_, i) => {
    await randomDelay(random);
    return i * 2;
  });
  const values = await settleAll(inputs);
  assert.deepEqual(values, Array.from({ length: 1000 }, (_, i) => i * 2));
  assert.deepEqual(await settleAll([1, Promise.resolve(2), 3]), [1, 2, 3]);
  assert.deepEqual(await settleAll([]), []);
  assert.deepEqual(await settleAll(new Set([Promise.resolve('a')])), ['a']);
});

test('settleAll: waits for all, then throws SettleAllError with values and failures', async () => {
  const random = rng(31);
  let finished = 0;
  const inputs = Array.from({ length: 200 }, async (_, i) => {
    await randomDelay(random);
    finished++;
    if (i % 50 === 7) throw new Error(`item ${i} failed`);
    return `v${i}`;
  });
  const err = await settleAll(inputs).then(
    () => assert.fail('should reject'),
    (e) => e,
  );
  assert.equal(finished, 200, 'everything settled before the rejection');
  assert.ok(err instanceof SettleAllError);
  assert.ok(err instanceof AggregateError);
  assert.equal(err.name, 'SettleAllError');
  assert.deepEqual(err.failures.map((f) => f.index), [7, 57, 107, 157]);
  assert.equal(err.failures[0].reason.message, 'item 7 failed');
  assert.equal(err.errors.length, 4);
  assert.equal(err.errors[1], err.failures[1].reason);
  assert.equal(err.values.length, 200);
  assert.equal(err.values[0], 'v0');
  assert.equal(err.values[7], undefined);
  assert.equal(err.values[199], 'v199');
  assert.equal(err.results[7].status, 'rejected');
  assert.match(err.message, /4 of 200 operations failed \(first at index 7: item 7 failed\)/);
});

test('settleAll: non-Error reasons are reported too', async () => {
  const err = await settleAll([Promise.reject('plain string'), 1]).catch((e) => e);
  assert.ok(err instanceof SettleAllError);
  assert.deepEqual(err.failures, [{ index: 0, reason: 'plain string' }]);
  assert.deepEqual(err.values, [undefined, 1]);
  assert.match(err.message, /plain string/);
});
