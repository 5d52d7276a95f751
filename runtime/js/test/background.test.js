// runInBackground: sync throws and rejections reach onError (always
// asynchronously), nothing becomes an unhandled rejection.  The process-
// level behaviour (a floating rejection vs. runInBackground) is checked in
// child processes so node:test's own handlers do not interfere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runInBackground } from '../src/index.js';
import { rng, randomDelay, deferred } from '../test-support/random.js';

const indexUrl = new URL('../src/index.js', import.meta.url).href;
const pkgDir = fileURLToPath(new URL('..', import.meta.url));

function runNode(source) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: pkgDir,
    encoding: 'utf8',
    // no time limit of its own: the child exits by itself, and ctest's
    // TIMEOUT catches a hang (a loaded machine only makes it slower)
  });
}

test('a floating promise rejection kills the process (the bug)', () => {
  const r = runNode(`
    async function refresh() { throw new Error('refresh failed'); }
    setTimeout(() => { refresh(); }, 0); // floating promise in a timer
  `);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /refresh failed/);
});

test('runInBackground routes the same failure to onError; the process survives', () => {
  const r = runNode(`
    import { runInBackground } from ${JSON.stringify(indexUrl)};
    async function refresh() { throw new Error('refresh failed'); }
    setTimeout(() => {
      runInBackground(() => refresh(), (err) => console.log('handled: ' + err.message));
    }, 0);
  `);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /handled: refresh failed/);
});

test('an onError that throws is not swallowed (uncaught exception)', () => {
  const r = runNode(`
    import { runInBackground } from ${JSON.stringify(indexUrl)};
    runInBackground(() => Promise.reject(new Error('first')), () => { throw new Error('handler broke'); });
  `);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /handler broke/);
});

test('sync throw and rejection both reach onError asynchronously; returns undefined', async () => {
  const errors = [];
  const syncDone = deferred();
  const ret = runInBackground(
    () => {
      throw new Error('sync');
    },
    (e) => {
      errors.push(e.message);
      syncDone.resolve();
    },
  );
  assert.equal(ret, undefined);
  assert.deepEqual(errors, [], 'onError must not run inside runInBackground');
  await syncDone.promise;

  const asyncDone = deferred();
  runInBackground(async () => { throw new Error('async'); }, (e) => {
    errors.push(e.message);
    asyncDone.resolve();
  });
  await asyncDone.promise;
  assert.deepEqual(errors, ['sync', 'async']);
});

test('1,000 background tasks from "timers": every failure handled, successes untouched', async () => {
  const random = rng(50);
  const handled = [];
  let succeeded = 0;
  let ran = 0;
  const all = deferred();
  const check = () => {
    if (handled.length + succeeded === 1000) all.resolve();
  };
  for (let i = 0; i < 1000; i++) {
    setTimeout(() => {
      runInBackground(
        async () => {
          ran++;
          await randomDelay(random);
          if (i % 3 === 0) throw new Error(`task ${i}`);
          succeeded++;
          check();
        },
        (err) => {
          handled.push(err.message);
          check();
        },
      );
    }, Math.floor(random() * 3));
  }
  await all.promise;
  assert.equal(ran, 1000);
  assert.equal(handled.length, 334);
  assert.equal(succeeded, 666);
});

test('non-promise return values and thenables; validation', async () => {
  let called = false;
  runInBackground(() => 42, () => { called = true; });
  const d = deferred();
  const thenable = { then: (_res, rej) => rej(new Error('thenable rejected')) };
  runInBackground(() => thenable, (e) => d.resolve(e.message));
  assert.equal(await d.promise, 'thenable rejected');
  assert.equal(called, false);
  assert.throws(() => runInBackground(() => 1), /onError must be a function/);
  assert.throws(() => runInBackground(null, () => {}), TypeError);
});
