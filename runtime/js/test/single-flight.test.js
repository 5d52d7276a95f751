// singleFlight / createSingleFlight: concurrent calls per key share one
// promise; the entry is cleared when it settles (fulfilled or rejected);
// groups are independent.  Contrast: without it every caller does the work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { singleFlight, createSingleFlight } from '../src/index.js';
import { rng, randomDelay, sleep, deferred } from '../test-support/random.js';

const N = 1000;
const KEYS = 10;

test('without single-flight every concurrent caller fetches (the bug)', async () => {
  let fetches = 0;
  const fetchUser = async (id) => {
    fetches++;
    await sleep(5);
    return { id };
  };
  await Promise.all(Array.from({ length: 100 }, (_, i) => fetchUser(i % KEYS)));
  assert.equal(fetches, 100);
});

test('1,000 interleaved calls over 10 keys: one flight per key', async () => {
  const random = rng(20);
  const flight = createSingleFlight();
  const calls = new Map();
  // Every fetch is held open until all N callers have joined (no timer
  // racing the callers' start delays: a loaded machine changes nothing).
  const allJoined = deferred();
  let joined = 0;
  const fetchUser = async (id) => {
    calls.set(id, (calls.get(id) ?? 0) + 1);
    await allJoined.promise;
    return { id, fetchedAt: calls.get(id) };
  };
  const got = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      await randomDelay(random);
      const id = i % KEYS;
      const p = flight(`user:${id}`, () => fetchUser(id));
      if (++joined === N) {
        assert.equal(flight.size, KEYS, 'one flight per key while all callers wait');
        allJoined.resolve();
      }
      return p;
    }),
  );
  assert.equal(calls.size, KEYS);
  for (const n of calls.values()) assert.equal(n, 1);
  for (let i = 0; i < N; i++) assert.equal(got[i].id, i % KEYS);
  assert.equal(new Set(got).size, KEYS); // same object per key
  assert.equal(flight.size, 0, 'entries cleared after settling');
});

test('cleared after settling: the next call runs fn again', async () => {
  const flight = createSingleFlight();
  let calls = 0;
  const fn = async () => ++calls;
  const [a, b] = await Promise.all([flight('k', fn), flight('k', fn)]);
  assert.equal(a, 1);
  assert.equal(b, 1);
  assert.equal(flight.has('k'), false);
  assert.equal(await flight('k', fn), 2);
});

test('a rejection is shared by the flight, then the key is free again', async () => {
  const flight = createSingleFlight();
  let calls = 0;
  const fn = async () => {
    calls++;
    await sleep(5);
    if (calls === 1) throw new Error('backend down');
    return 'ok';
  };
  const first = await Promise.allSettled([flight('x', fn), flight('x', fn), flight('x', fn)]);
  assert.equal(calls, 1);
  assert.ok(first.every((r) => r.status === 'rejected' && r.reason.message === 'backend down'));
  assert.equal(flight.has('x'), false);
  assert.equal(await flight('x', fn), 'ok');
  assert.equal(calls, 2);

  // A synchronous throw becomes a rejection and is cleared as well.
  await assert.rejects(flight('y', () => { throw new Error('sync'); }), /sync/);
  assert.equal(flight.has('y'), false);
});

test('has/size while in flight; groups are independent; default group works', async () => {
  const g1 = createSingleFlight();
  const g2 = createSingleFlight();
  let calls = 0;
  const fn = () => sleep(5).then(() => ++calls);
  const p1 = g1('same', fn);
  const p2 = g2('same', fn);
  assert.equal(g1.has('same'), true);
  assert.equal(g1.size, 1);
  assert.notEqual(p1, p2);
  await Promise.all([p1, p2]);
  assert.equal(calls, 2);

  const random = rng(21);
  let global = 0;
  const allJoined = deferred();
  let joined = 0;
  const results = await Promise.all(
    Array.from({ length: 50 }, async () => {
      await randomDelay(random);
      const p = singleFlight('racelint-test:global', async () => {
        global++;
        await allJoined.promise; // open until all 50 callers have joined
        return 'shared';
      });
      if (++joined === 50) allJoined.resolve();
      return p;
    }),
  );
  assert.equal(global, 1);
  assert.ok(results.every((r) => r === 'shared'));
  assert.throws(() => singleFlight('racelint-test:nofn'), TypeError);
});
