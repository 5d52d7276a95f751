// lazy() and once() under 1,000 interleaved callers: a single factory
// call, shared rejection followed by a retry, and once() semantics.  For
// contrast, the naive `if (!client) client = await create()` creates the
// client many times (asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lazy, once } from '../src/index.js';
import { rng, randomDelay, deferred } from '../test-support/random.js';

const N = 1000;

test('naive lazy init calls the factory more than once (the bug)', async () => {
  let calls = 0;
  // The creation is slow: it completes once all 100 callers have asked
  // (an event, not a timer racing the callers).
  const allAsked = deferred();
  let asked = 0;
  const createClient = async () => {
    calls++;
    await allAsked.promise;
    return { id: calls };
  };
  let client;
  const getClient = async () => {
    if (!client) client = await createClient(); // check ... await ... act
    return client;
  };
  const random = rng(10);
  const got = await Promise.all(Array.from({ length: 100 }, async () => {
    await randomDelay(random, 2);
    const p = getClient();
    if (++asked === 100) allAsked.resolve();
    return p;
  }));
  assert.ok(calls > 1, `expected several factory calls, got ${calls}`);
  assert.ok(new Set(got).size > 1, 'callers got different clients');
});

test('lazy: one factory call shared by 1,000 concurrent callers', async () => {
  const random = rng(11);
  let calls = 0;
  const allAsked = deferred(); // the factory finishes once every caller has asked
  let asked = 0;
  const getClient = lazy(async () => {
    calls++;
    await allAsked.promise;
    return { created: calls };
  });
  const got = await Promise.all(
    Array.from({ length: N }, async () => {
      await randomDelay(random);
      const p = getClient();
      if (++asked === N) allAsked.resolve();
      return p;
    }),
  );
  assert.equal(calls, 1);
  assert.equal(new Set(got).size, 1);
  // Cached after fulfilment too.
  assert.equal(await getClient(), got[0]);
  assert.equal(calls, 1);
});

test('lazy: a rejection reaches every waiting caller, then the next call retries', async () => {
  const random = rng(12);
  let calls = 0;
  // The first attempt fails once all 50 first-wave callers are waiting on it.
  const firstWaveIn = deferred();
  let asked = 0;
  const getClient = lazy(async () => {
    calls++;
    await firstWaveIn.promise;
    if (calls <= 2) throw new Error(`connect failed #${calls}`);
    return { ok: true, attempt: calls };
  });
  // First wave: all share the first (failing) attempt.
  const first = await Promise.allSettled(
    Array.from({ length: 50 }, async () => {
      await randomDelay(random);
      const p = getClient();
      if (++asked === 50) firstWaveIn.resolve();
      return p;
    }),
  );
  assert.equal(calls, 1);
  assert.ok(first.every((r) => r.status === 'rejected' && r.reason.message === 'connect failed #1'));
  // Callers that retry on failure: exactly one more failure, then success.
  const got = await Promise.all(
    Array.from({ length: N }, async () => {
      for (;;) {
        try {
          return await getClient();
        } catch {
          await randomDelay(random);
        }
      }
    }),
  );
  assert.equal(calls, 3);
  assert.equal(new Set(got).size, 1);
  assert.equal(got[0].attempt, 3);
});

test('lazy: a synchronous throw becomes a rejection and is retried', async () => {
  let calls = 0;
  const get = lazy(() => {
    calls++;
    if (calls === 1) throw new Error('sync failure');
    return 'value';
  });
  const p = get(); // must not throw synchronously
  await assert.rejects(p, /sync failure/);
  assert.equal(await get(), 'value');
  assert.equal(calls, 2);
});

test('lazy: reset() makes the next call create a new value', async () => {
  let calls = 0;
  const get = lazy(async () => ++calls);
  assert.equal(await get(), 1);
  assert.equal(await get(), 1);
  get.reset();
  assert.equal(await get(), 2);
  assert.throws(() => lazy(42), TypeError);
});

test('once: runs on the first call only, same result afterwards', () => {
  let calls = 0;
  const init = once((x) => {
    calls++;
    return { x };
  });
  const a = init(1);
  const b = init(2);
  assert.equal(calls, 1);
  assert.equal(a, b);
  assert.equal(a.x, 1);
});

test('once: rethrows the first error, never retries; same promise for async fns', async () => {
  let calls = 0;
  const boom = once(() => {
    calls++;
    throw new Error('once failed');
  });
  assert.throws(boom, /once failed/);
  assert.throws(boom, /once failed/);
  assert.equal(calls, 1);

  const asyncOnce = once(async () => {
    calls++;
    throw new Error('rejected once');
  });
  const p1 = asyncOnce();
  const p2 = asyncOnce();
  assert.equal(p1, p2);
  await assert.rejects(p1, /rejected once/);
  assert.equal(calls, 2);
});

test('once: preserves `this` and refuses recursion', () => {
  const obj = {
    n: 7,
    get: once(function get() {
      return this.n;
    }),
  };
  assert.equal(obj.get(), 7);
  const rec = once(() => rec());
  assert.throws(rec, /called itself/);
});
