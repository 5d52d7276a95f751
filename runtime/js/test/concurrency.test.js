// mapConcurrent / forEachAsync: results in input order, at most N in
// flight, failures stop new work without leaving any floating.  Contrast:
// `items.forEach(async ...)` returns before any of the work is done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapConcurrent, forEachAsync } from '../src/index.js';
import { rng, randomDelay, quickDelay, deferred } from '../test-support/random.js';

test('array.forEach(async ...) does not wait (the bug)', async () => {
  const random = rng(40);
  let done = 0;
  const allDone = deferred();
  const items = Array.from({ length: 20 }, (_, i) => i);
  items.forEach(async () => {
    await randomDelay(random);
    if (++done === items.length) allDone.resolve();
  });
  assert.equal(done, 0, 'forEach returned before any callback finished');
  await allDone.promise; // tidy up: the callbacks finish later, on their own
});

test('mapConcurrent: 1,000 items, at most 7 in flight, results in input order', async () => {
  const random = rng(41);
  let inFlight = 0;
  let maxInFlight = 0;
  const items = Array.from({ length: 1000 }, (_, i) => i);
  const results = await mapConcurrent(
    items,
    async (item, index) => {
      assert.equal(item, index);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await randomDelay(random, 2);
      inFlight--;
      return item * 3;
    },
    { concurrency: 7 },
  );
  assert.equal(maxInFlight, 7);
  assert.equal(inFlight, 0);
  assert.deepEqual(results, items.map((i) => i * 3));
});

test('mapConcurrent: first failure stops new starts, running calls finish first', async () => {
  const random = rng(42);
  let started = 0;
  let inFlight = 0;
  const err = await mapConcurrent(
    Array.from({ length: 1000 }, (_, i) => i),
    async (i) => {
      started++;
      inFlight++;
      try {
        await quickDelay(random);
        if (i === 500) throw new Error('item 500 failed');
        return i;
      } finally {
        inFlight--;
      }
    },
    { concurrency: 5 },
  ).then(
    () => assert.fail('should reject'),
    (e) => e,
  );
  assert.equal(err.message, 'item 500 failed');
  assert.equal(inFlight, 0, 'nothing left running when the promise rejects');
  assert.ok(started <= 505, `started ${started} items after the failure`);
  assert.ok(started >= 501);
});

test('mapConcurrent: defaults, iterables, sync fns and validation', async () => {
  let maxInFlight = 0;
  let inFlight = 0;
  const out = await mapConcurrent(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), async (x) => {
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await quickDelay(Math.random);
    inFlight--;
    return x;
  });
  assert.equal(maxInFlight, 8); // default concurrency
  assert.deepEqual(out, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(await mapConcurrent([1, 2], (x) => x + 1, { concurrency: Infinity }), [2, 3]);
  assert.deepEqual(await mapConcurrent([], () => 1), []);
  await assert.rejects(mapConcurrent([1], () => { throw new Error('sync'); }), /sync/);
  await assert.rejects(mapConcurrent([1], (x) => x, { concurrency: 0 }), TypeError);
  await assert.rejects(mapConcurrent([1], (x) => x, { concurrency: 1.5 }), TypeError);
});

test('forEachAsync: strictly sequential, in order, stops at the first error', async () => {
  const random = rng(43);
  const seen = [];
  let inFlight = 0;
  await forEachAsync(Array.from({ length: 200 }, (_, i) => i), async (item, index) => {
    assert.equal(++inFlight, 1);
    assert.equal(item, index);
    await randomDelay(random, 1);
    seen.push(item);
    inFlight--;
  });
  assert.deepEqual(seen, Array.from({ length: 200 }, (_, i) => i));

  const visited = [];
  await assert.rejects(
    forEachAsync([1, 2, 3, 4], async (x) => {
      visited.push(x);
      if (x === 2) throw new Error('stop at 2');
    }),
    /stop at 2/,
  );
  assert.deepEqual(visited, [1, 2]);

  async function* gen() {
    yield 'a';
    yield 'b';
  }
  const fromAsync = [];
  await forEachAsync(gen(), (x, i) => fromAsync.push(`${i}:${x}`));
  assert.deepEqual(fromAsync, ['0:a', '1:b']);
});
