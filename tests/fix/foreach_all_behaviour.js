// foreach_all_behaviour.js - the behavioural test that makes
// callback-promise-mix's `xs.forEach(async cb)` -> `await Promise.all(xs.map(cb))`
// a safe fix where xs is an Array (docs/fixes.md). It loads the golden
// case testdata/js/callback-promise-mix/fix_foreach_array.js and its .fixed
// (what `racelint --fix-only callback-promise-mix` writes: ctest cli/fix checks that) and runs the
// functions that the safe fix rewrote, before and after, with the same
// inputs. No timers: every wait is a number of microtask turns, and the
// run is drained with setImmediate, so the order is the same on any load.
// It checks that the only behaviour that changes is the bug:
//   - the callbacks' own events (start, with their arguments; end) are the
//     same and in the same order;
//   - before: the function settles while callbacks still run; after: only
//     when all have ended;
//   - a rejecting callback: before, the function resolves and the rejection
//     is unhandled; after, the function rejects with that error and nothing
//     is unhandled.
'use strict';
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const src = path.join(__dirname, '..', '..', 'testdata', 'js', 'callback-promise-mix', 'fix_foreach_array.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-foreach-'));
fs.copyFileSync(src, path.join(dir, 'before.js'));
fs.copyFileSync(`${src}.fixed`, path.join(dir, 'after.js'));
const before = require(path.join(dir, 'before.js'));
const after = require(path.join(dir, 'after.js'));
fs.rmSync(dir, { recursive: true, force: true });

const rewritten = ['notifyAll', 'notifyKeys', 'notifyScaled'];
// the golden really has the rewrite (and the near-misses do not)
const fixedText = fs.readFileSync(`${src}.fixed`, 'utf8');
assert.strictEqual((fixedText.match(/^\s*await Promise\.all\(/gm) || []).length, rewritten.length,
  'the .fixed golden rewrites exactly the three Array receivers');

const drain = () => new Promise((resolve) => setImmediate(resolve));
const turns = async (n) => { for (let k = 0; k < n; k++) await null; };

let unhandled = [];
process.on('unhandledRejection', (err) => { unhandled.push(err); });

// One run: send(id) waits 4 - id turns (later ids finish first), and
// rejects for id `fail` (0: none). Returns the trace and how it settled.
async function run(fn, fail) {
  const trace = [];
  const send = async (id) => {
    await turns(4 - id);
    if (id === fail) throw new Error(`send ${id} failed`);
  };
  unhandled = [];
  let outcome;
  try {
    await fn(send, trace);
    outcome = 'resolved';
  } catch (err) {
    outcome = `rejected: ${err.message}`;
  }
  trace.push('settled');
  for (let k = 0; k < 5; k++) await drain(); // the callbacks left running, the unhandled hooks
  return { trace, outcome, unhandled: unhandled.map((e) => e.message) };
}

const own = (trace) => trace.filter((e) => e.startsWith('start') || e.startsWith('end'));

(async () => {
  let checks = 0;
  for (const name of rewritten) {
    // resolving callbacks
    const b = await run(before[name], 0);
    const a = await run(after[name], 0);
    assert.deepStrictEqual(own(a.trace), own(b.trace), `${name}: the callbacks ran differently`);
    assert.strictEqual(own(b.trace).length, 6, `${name}: three callbacks started and ended`);
    assert.strictEqual(b.outcome, 'resolved');
    assert.strictEqual(a.outcome, 'resolved');
    const lastEnd = (t) => t.map((e) => e.startsWith('end')).lastIndexOf(true);
    assert.ok(b.trace.indexOf('settled') < lastEnd(b.trace), `${name}: before the fix it did not wait (the bug)`);
    assert.ok(a.trace.indexOf('settled') > lastEnd(a.trace), `${name}: after the fix it waits for every callback`);
    assert.ok(a.trace.indexOf('after') > lastEnd(a.trace), `${name}: the code after the loop runs after them`);
    // a rejecting callback (id 2)
    const rb = await run(before[name], 2);
    const ra = await run(after[name], 2);
    assert.deepStrictEqual(own(ra.trace), own(rb.trace), `${name}: with a rejection, the callbacks ran differently`);
    assert.strictEqual(rb.outcome, 'resolved', `${name}: before, the rejection does not reach the caller (the bug)`);
    assert.deepStrictEqual(rb.unhandled, ['send 2 failed'], `${name}: before, the rejection is unhandled`);
    assert.strictEqual(ra.outcome, 'rejected: send 2 failed', `${name}: after, the caller rejects`);
    assert.deepStrictEqual(ra.unhandled, [], `${name}: after, nothing is unhandled`);
    checks += 2;
  }
  // the near-misses are unchanged by --fix-only callback-promise-mix: the same source text
  for (const name of ['notifyGiven', 'notifyLet', 'notifySet'])
    assert.strictEqual(after[name].toString(), before[name].toString(), `${name} changed under --fix-only`);
  console.log(`foreach_all_behaviour: ${checks} runs compared, only the bug changed`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
