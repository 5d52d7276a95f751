// Mutex / withLocks under 1,000 interleaved callers: no lost update, FIFO
// hand-off, timeouts and aborts that leave the queue working, and
// withLocks over random overlapping sets in random order without
// deadlock.  For contrast, the unlocked read-await-write loses updates
// and naive nested locking in opposite orders deadlocks (both asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Mutex, MutexTimeoutError, withLocks } from '../src/index.js';
import { rng, randomDelay, quickDelay, shuffled, immediate, deferred, fakeTimers } from '../test-support/random.js';

const N = 1000;

/** The bug: read shared state, await, write back. */
async function naiveIncrement(state, random, delay = randomDelay) {
  const v = state.count;
  await delay(random);
  state.count = v + 1;
}

test('naive read-await-write loses updates (the bug racelint flags)', async () => {
  const random = rng(1);
  const state = { count: 0 };
  await Promise.all(Array.from({ length: N }, () => naiveIncrement(state, random)));
  // Every call read before any wrote back: all but one update are lost.
  assert.ok(state.count < N, `expected lost updates, got ${state.count}`);
  assert.equal(state.count, 1);
});

test('runExclusive: no lost update across 1,000 interleaved callers', async () => {
  const random = rng(2);
  const mutex = new Mutex();
  const state = { count: 0 };
  let inside = 0;
  await Promise.all(
    Array.from({ length: N }, async () => {
      await randomDelay(random);
      await mutex.runExclusive(async () => {
        inside++;
        assert.equal(inside, 1, 'two holders at once');
        await naiveIncrement(state, random, quickDelay);
        inside--;
      });
    }),
  );
  assert.equal(state.count, N);
  assert.equal(mutex.isLocked(), false);
  assert.equal(mutex.waiting, 0);
});

test('FIFO: waiters get the lock in the order they asked', async () => {
  const random = rng(3);
  const mutex = new Mutex();
  const order = [];
  const release0 = await mutex.acquire();
  const all = [];
  for (let i = 0; i < N; i++) {
    all.push(
      mutex.acquire().then(async (release) => {
        order.push(i);
        await quickDelay(random);
        release();
      }),
    );
  }
  assert.equal(mutex.waiting, N);
  // No barging: while waiters are queued, tryAcquire fails even between hand-offs.
  release0();
  assert.equal(mutex.tryAcquire(), null);
  await Promise.all(all);
  assert.deepEqual(order, Array.from({ length: N }, (_, i) => i));
});

test('tryAcquire / isLocked / release is idempotent', async () => {
  const mutex = new Mutex();
  assert.equal(mutex.isLocked(), false);
  const release = mutex.tryAcquire();
  assert.equal(typeof release, 'function');
  assert.equal(mutex.isLocked(), true);
  assert.equal(mutex.tryAcquire(), null);
  release();
  release(); // second call ignored: must not release someone else's hold
  const again = mutex.tryAcquire();
  assert.ok(again);
  release();
  assert.equal(mutex.isLocked(), true, 'stale release freed a lock it did not hold');
  again();
  assert.equal(mutex.isLocked(), false);
});

test('runExclusive releases when fn throws or rejects, and returns its value', async () => {
  const mutex = new Mutex();
  await assert.rejects(mutex.runExclusive(() => { throw new Error('sync boom'); }), /sync boom/);
  assert.equal(mutex.isLocked(), false);
  await assert.rejects(mutex.runExclusive(async () => { throw new Error('async boom'); }), /async boom/);
  assert.equal(mutex.isLocked(), false);
  assert.equal(await mutex.runExclusive(() => 42), 42);
  assert.equal(await mutex.runExclusive(async () => 'x'), 'x');
  await assert.rejects(mutex.runExclusive('nope'), TypeError);
});

test('acquire({ timeout }) rejects with MutexTimeoutError and leaves the queue', async (t) => {
  // A fake clock: the timeout fires when the test advances time, never
  // because the machine happened to be slow or fast.
  fakeTimers(t, ['setTimeout']);
  const mutex = new Mutex();
  const release = await mutex.acquire();
  let settled = false;
  const pending = mutex.acquire({ timeout: 30 }).then(
    () => assert.fail('should time out'),
    (e) => {
      settled = true;
      return e;
    },
  );
  t.mock.timers.tick(29);
  await immediate();
  assert.equal(settled, false, 'gave up before 30 ms');
  assert.equal(mutex.waiting, 1);
  t.mock.timers.tick(1);
  const err = await pending;
  assert.ok(err instanceof MutexTimeoutError);
  assert.equal(err.code, 'ERR_MUTEX_TIMEOUT');
  assert.equal(err.mutexId, mutex.id);
  assert.match(err.message, /within 30 ms/);
  assert.equal(mutex.waiting, 0);

  // A timed-out waiter in the middle of the queue is skipped on hand-off.
  const got = [];
  const a = mutex.acquire().then((r) => { got.push('a'); r(); });
  const b = mutex.acquire({ timeout: 10 }).then(
    (r) => { got.push('b'); r(); },
    () => got.push('b timed out'),
  );
  const c = mutex.acquire({ timeout: 5000 }).then((r) => { got.push('c'); r(); });
  t.mock.timers.tick(10);
  await b;
  assert.deepEqual(got, ['b timed out']);
  assert.equal(mutex.waiting, 2);
  release();
  await Promise.all([a, b, c]);
  assert.deepEqual(got, ['b timed out', 'a', 'c']);
  assert.equal(mutex.isLocked(), false);
  assert.throws(() => mutex.acquire({ timeout: -1 }), TypeError);
});

test('acquire({ signal }) aborts waiting', async () => {
  const mutex = new Mutex();
  const release = await mutex.acquire();
  const ac = new AbortController();
  const p = mutex.acquire({ signal: ac.signal });
  ac.abort(new Error('caller gave up'));
  await assert.rejects(p, /caller gave up/);
  await assert.rejects(mutex.acquire({ signal: AbortSignal.abort() }), { name: 'AbortError' });
  release();
  assert.equal(mutex.isLocked(), false);
});

test('ids are unique and increasing', () => {
  const a = new Mutex();
  const b = new Mutex();
  assert.ok(b.id > a.id);
});

test('naive nested locking in opposite orders deadlocks (shown with timeouts)', async () => {
  const m1 = new Mutex();
  const m2 = new Mutex();
  const bothHoldFirst = deferred();
  let holding = 0;
  const nested = async (first, second) => {
    const r1 = await first.acquire();
    if (++holding === 2) bothHoldFirst.resolve();
    await bothHoldFirst.promise;
    try {
      const r2 = await second.acquire({ timeout: 50 });
      r2();
      return 'ok';
    } catch (e) {
      assert.ok(e instanceof MutexTimeoutError);
      return 'deadlocked';
    } finally {
      r1();
    }
  };
  const outcomes = await Promise.all([nested(m1, m2), nested(m2, m1)]);
  // Without the timeouts neither would ever finish.
  assert.ok(outcomes.includes('deadlocked'), `outcomes: ${outcomes}`);
});

test('withLocks: random overlapping sets in random order never deadlock', async () => {
  const random = rng(4);
  const mutexes = Array.from({ length: 5 }, () => new Mutex());
  const holders = new Map(mutexes.map((m) => [m, 0]));
  const counts = new Map(mutexes.map((m) => [m, 0]));
  const expected = new Map(mutexes.map((m) => [m, 0]));
  await Promise.all(
    Array.from({ length: N }, async () => {
      await randomDelay(random);
      const k = 1 + Math.floor(random() * mutexes.length);
      const set = shuffled(random, mutexes).slice(0, k);
      if (random() < 0.3) set.push(set[0]); // duplicates are fine
      for (const m of new Set(set)) expected.set(m, expected.get(m) + 1);
      await withLocks(set, async () => {
        for (const m of new Set(set)) {
          holders.set(m, holders.get(m) + 1);
          assert.equal(holders.get(m), 1, `mutex #${m.id} held twice`);
        }
        await quickDelay(random);
        for (const m of new Set(set)) {
          counts.set(m, counts.get(m) + 1);
          holders.set(m, holders.get(m) - 1);
        }
      });
    }),
  );
  for (const m of mutexes) {
    assert.equal(counts.get(m), expected.get(m));
    assert.equal(m.isLocked(), false);
  }
});

test('withLocks: same deadlock scenario as above, but no deadlock', async () => {
  const m1 = new Mutex();
  const m2 = new Mutex();
  const order = [];
  const finishA = deferred();
  const pa = withLocks([m1, m2], async () => {
    order.push('a');
    await finishA.promise;
    return 'a';
  });
  const pb = withLocks([m2, m1], async () => {
    order.push('b');
    return 'b';
  });
  // Let both run as far as they can (lock hand-offs are promise jobs, no
  // timers): the first holds both locks, the second waits for the first
  // lock of the common order instead of holding the other one.
  await immediate();
  assert.deepEqual(order, ['a']);
  assert.equal(m1.isLocked() && m2.isLocked(), true);
  assert.equal(m1.waiting + m2.waiting, 1, 'b waits for one lock and holds none');
  finishA.resolve();
  assert.deepEqual(await Promise.all([pa, pb]), ['a', 'b']);
  assert.equal(m1.isLocked() || m2.isLocked(), false);
});

test('withLocks: timeout and errors release everything', async () => {
  const m1 = new Mutex();
  const m2 = new Mutex();
  const hold2 = await m2.acquire();
  await assert.rejects(withLocks([m2, m1], () => 'never', { timeout: 20 }), (e) =>
    e instanceof MutexTimeoutError && e.mutexId === m2.id && e.timeout === 20);
  assert.equal(m1.isLocked(), false, 'm1 must be released after the timeout on m2');
  hold2();
  await assert.rejects(withLocks([m1, m2], async () => { throw new Error('inside'); }), /inside/);
  assert.equal(m1.isLocked(), false);
  assert.equal(m2.isLocked(), false);
  assert.equal(await withLocks([], () => 'empty'), 'empty');
  await assert.rejects(withLocks([m1, {}], () => 1), TypeError);
});
