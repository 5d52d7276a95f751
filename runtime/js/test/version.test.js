// updateWithVersion: 1,000 concurrent optimistic increments with awaits
// between read and write lose nothing; exhausted retries throw a clear
// error; contract violations are TypeErrors.  Contrast: read-await-write
// without a version check loses updates (asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { updateWithVersion, VersionConflictError } from '../src/index.js';
import { rng, randomDelay } from '../test-support/random.js';

const N = 1000;

/** An in-memory store whose conditional write is one atomic step. */
function createStore(value) {
  let current = { value, version: 0 };
  let conflicts = 0;
  return {
    read: () => ({ ...current }),
    writeIfVersion(next, expectedVersion) {
      if (current.version !== expectedVersion) {
        conflicts++;
        return false;
      }
      current = { value: next, version: current.version + 1 };
      return true;
    },
    writeBlindly(next) {
      current = { value: next, version: current.version + 1 };
    },
    get value() {
      return current.value;
    },
    get conflicts() {
      return conflicts;
    },
  };
}

test('read-await-write without a version check loses updates (the bug)', async () => {
  const random = rng(60);
  const store = createStore(0);
  await Promise.all(
    Array.from({ length: N }, async () => {
      const { value } = store.read();
      await randomDelay(random);
      store.writeBlindly(value + 1);
    }),
  );
  assert.ok(store.value < N, `expected lost updates, got ${store.value}`);
  assert.equal(store.value, 1); // every task read 0 before anyone wrote
});

test('updateWithVersion: 1,000 concurrent increments, none lost', async () => {
  const random = rng(61);
  const store = createStore(0);
  const written = await Promise.all(
    Array.from({ length: N }, async () => {
      await randomDelay(random);
      return updateWithVersion(
        async () => {
          await randomDelay(random, 1);
          return store.read();
        },
        async (next, version) => {
          await randomDelay(random, 1);
          return store.writeIfVersion(next, version);
        },
        { update: (v) => v + 1, retries: 100000 },
      );
    }),
  );
  assert.equal(store.value, N);
  assert.deepEqual([...written].sort((a, b) => a - b), Array.from({ length: N }, (_, i) => i + 1));
  assert.ok(store.conflicts > 0, 'the interleaving should have produced conflicts');
});

test('retries exhausted: VersionConflictError after retries + 1 attempts', async () => {
  let reads = 0;
  let updates = 0;
  const err = await updateWithVersion(
    () => ({ value: 1, version: ++reads }),
    () => false,
    { update: (v) => { updates++; return v + 1; }, retries: 4 },
  ).then(
    () => assert.fail('should give up'),
    (e) => e,
  );
  assert.ok(err instanceof VersionConflictError);
  assert.equal(err.code, 'ERR_VERSION_CONFLICT');
  assert.equal(err.attempts, 5);
  assert.equal(err.lastVersion, 5);
  assert.equal(reads, 5);
  assert.equal(updates, 5);
  assert.match(err.message, /gave up after 5 attempts/);
});

test('default retries is 3; backoff waits between attempts', async () => {
  let attempts = 0;
  await assert.rejects(
    updateWithVersion(() => ({ value: 0, version: 0 }), () => (attempts++, false), {
      update: (v) => v,
      backoff: 5,
    }),
    (e) => e instanceof VersionConflictError && e.attempts === 4,
  );
  assert.equal(attempts, 4);

  // Succeeds on a later attempt; update sees each attempt's fresh value.
  let version = 0;
  const seen = [];
  const result = await updateWithVersion(
    () => ({ value: version * 10, version }),
    (_next, v) => {
      if (version < 2) {
        version++; // someone else wrote in between
        return false;
      }
      return v === version;
    },
    { update: (v, info) => { seen.push([v, info.attempt, info.version]); return v + 1; } },
  );
  assert.equal(result, 21);
  assert.deepEqual(seen, [[0, 1, 0], [10, 2, 1], [20, 3, 2]]);
});

test('contract errors: TypeErrors, and read/update/write errors propagate without retry', async () => {
  const read = () => ({ value: 1, version: 1 });
  await assert.rejects(updateWithVersion(read, () => true), /options.update/);
  await assert.rejects(updateWithVersion(read, () => 'yes', { update: (v) => v }), /must return true .* or false/);
  await assert.rejects(updateWithVersion(() => 5, () => true, { update: (v) => v }), /read\(\) must return \{ value, version \}/);
  await assert.rejects(updateWithVersion(read, () => true, { update: (v) => v, retries: -1 }), TypeError);
  let writes = 0;
  await assert.rejects(
    updateWithVersion(read, () => { writes++; throw new Error('db down'); }, { update: (v) => v }),
    /db down/,
  );
  assert.equal(writes, 1);
  await assert.rejects(
    updateWithVersion(() => Promise.reject(new Error('read failed')), () => true, { update: (v) => v }),
    /read failed/,
  );
  assert.equal(await updateWithVersion(read, async () => true, { update: async (v) => v + 1 }), 2);
});
