// async_executor_behaviour.js - the behavioural test that makes
// callback-promise-mix's async Promise executor fix
// (`new Promise(async (resolve, reject) => { body })` ->
// `new Promise((resolve, reject) => { (async () => { body })().catch(reject); })`)
// a safe fix (docs/fixes.md). It loads the golden case
// testdata/js/callback-promise-mix/fix_async_executor.js and its .fixed
// (what `racelint --fix-only callback-promise-mix` writes: ctest cli/fix checks that) and runs every
// function the fix rewrote, before and after, with the same inputs. No
// timers: each step waits a number of microtask turns, and the runs are
// drained with setImmediate, so the order is the same on any load. It
// checks that only the bug changes:
//   - steps that succeed: the same trace (what the body did, in the same
//     order, including `arguments` and `reject` of a function executor),
//     the same value, nothing unhandled;
//   - a step that throws before resolve(): before, the promise stays
//     pending and the rejection is unhandled; after, the promise rejects
//     with that error and nothing is unhandled;
//   - a step that throws after resolve(): before, unhandled; after, dropped
//     (the promise already resolved, as with a plain executor).
'use strict';
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const src = path.join(__dirname, '..', '..', 'testdata', 'js', 'callback-promise-mix', 'fix_async_executor.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-executor-'));
fs.copyFileSync(src, path.join(dir, 'before.js'));
fs.copyFileSync(`${src}.fixed`, path.join(dir, 'after.js'));
const before = require(path.join(dir, 'before.js'));
const after = require(path.join(dir, 'after.js'));
fs.rmSync(dir, { recursive: true, force: true });

// step names of each rewritten function, in the order it takes them
const rewritten = { load: ['load'], loadOne: ['one', 'log'], loadFn: ['fn'], loadExpr: ['expr'], loadLine: ['line'] };
const fixedText = fs.readFileSync(`${src}.fixed`, 'utf8').replace(/^\s*\/\/.*$/gm, ''); // code only
assert.strictEqual((fixedText.match(/\(async \(\) =>/g) || []).length, Object.keys(rewritten).length,
  'the .fixed golden rewrites exactly the five inline executors');
assert.ok(!/new Promise\(async/.test(fixedText.replace(/loadText[\s\S]*/, '')), 'no async executor is left before the near-misses');

const drain = () => new Promise((resolve) => setImmediate(resolve));
const turns = async (n) => { for (let k = 0; k < n; k++) await null; };
let unhandled = [];
process.on('unhandledRejection', (err) => { unhandled.push(err); });

// One run of fn: step(name) waits 3 turns and returns 7, or throws for
// the step named `fail`. The trace, how the promise settled (or that it
// is still pending after the drain), and what went unhandled.
async function run(fn, fail) {
  const trace = [];
  const step = async (name) => {
    await turns(3);
    trace.push(`step ${name}`);
    if (name === fail) throw new Error(`${name} failed`);
    return 7;
  };
  unhandled = [];
  let outcome = 'pending';
  fn(step, trace).then((v) => { outcome = `resolved ${v}`; }, (e) => { outcome = `rejected: ${e.message}`; });
  for (let k = 0; k < 5; k++) await drain();
  return { trace, outcome, unhandled: unhandled.map((e) => e.message) };
}

(async () => {
  let runs = 0;
  for (const [name, steps] of Object.entries(rewritten)) {
    const b = await run(before[name], null);
    const a = await run(after[name], null);
    assert.deepStrictEqual(a, b, `${name}: behaves differently when nothing fails`);
    assert.strictEqual(b.outcome, 'resolved 7');
    assert.deepStrictEqual(b.unhandled, []);
    // the first step fails, before resolve()
    const fb = await run(before[name], steps[0]);
    const fa = await run(after[name], steps[0]);
    assert.deepStrictEqual(fa.trace, fb.trace, `${name}: with a failure, the body ran differently`);
    assert.strictEqual(fb.outcome, 'pending', `${name}: before, the promise never settles (the bug)`);
    assert.deepStrictEqual(fb.unhandled, [`${steps[0]} failed`], `${name}: before, the rejection is unhandled`);
    assert.strictEqual(fa.outcome, `rejected: ${steps[0]} failed`, `${name}: after, the promise rejects`);
    assert.deepStrictEqual(fa.unhandled, [], `${name}: after, nothing is unhandled`);
    runs += 4;
    if (steps.length < 2) continue;
    // a step after resolve() fails
    const lb = await run(before[name], steps[1]);
    const la = await run(after[name], steps[1]);
    assert.deepStrictEqual(la.trace, lb.trace, `${name}: a late failure ran the body differently`);
    assert.strictEqual(lb.outcome, 'resolved 7');
    assert.strictEqual(la.outcome, 'resolved 7');
    assert.deepStrictEqual(lb.unhandled, [`${steps[1]} failed`], `${name}: before, the late rejection is unhandled`);
    assert.deepStrictEqual(la.unhandled, [], `${name}: after, the late rejection is dropped`);
    runs += 2;
  }
  // the near-misses are unchanged by --fix-only callback-promise-mix: the same source text
  for (const name of ['loadText', 'loadOuter'])
    assert.strictEqual(after[name].toString(), before[name].toString(), `${name} changed under --fix-only`);
  console.log(`async_executor_behaviour: ${runs} runs compared, only the bug changed`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
