// Fix: an async Promise executor becomes a plain one that runs the async
// body in an inner async arrow whose rejection rejects the promise:
// `new Promise((resolve, reject) => { (async () => { ... })().catch(reject); })`
// (a `reject` parameter is added when the executor names only `resolve`).
// A safe fix that plain --fix applies: the body runs at the same moment,
// with the same `this` and `arguments`, its awaits take the same turns;
// only a throw changes: it rejects the promise instead of leaving it
// pending with the rejection unhandled (or, after resolve(), it is
// dropped as a plain executor's would be, instead of going unhandled).
// tests/fix/async_executor_behaviour.js runs this file and its .fixed and
// checks exactly that. Near-misses keep the finding and get no fix: a
// body with a string over several lines (re-indenting would change it),
// a body that names an outer `reject`, an executor that is not inline.
'use strict';

function load(step, trace) {
  // expect@+1: [callback-promise-mix] "async executor passed to new Promise()"
  return new Promise(async (resolve, reject) => {
    trace.push('start');
    const v = await step('load');
    if (v < 0) reject(new Error('negative'));
    trace.push(`got ${v}`);
    resolve(v);
  });
}

function loadOne(step, trace) {
  // expect@+1: [callback-promise-mix]
  return new Promise(async (resolve) => {
    trace.push('start');
    resolve(await step('one'));
    trace.push('resolved');
    await step('log');
    trace.push('logged');
  });
}

function loadFn(step, trace) {
  // expect@+1: [callback-promise-mix]
  return new Promise(async function (resolve, reject) {
    trace.push(`args ${arguments.length} ${typeof reject}`);
    resolve(await step('fn'));
  });
}

function loadExpr(step, trace) {
  trace.push('start');
  return new Promise(async (resolve) => resolve(await step('expr'))); // expect: [callback-promise-mix]
}

function loadLine(step, trace) {
  trace.push('start');
  return new Promise(async (resolve, reject) => { resolve(await step('line')); }); // expect: [callback-promise-mix]
}

function loadText(step, trace) {
  trace.push('start');
  // expect@+1: [callback-promise-mix]
  return new Promise(async (resolve) => {
    resolve(`${await step('text')}
done`);
  });
}

function loadOuter(step, trace, reject) {
  trace.push('start');
  // expect@+1: [callback-promise-mix]
  return new Promise(async (resolve) => {
    if ((await step('outer')) < 0) reject(new Error('outer'));
    resolve(1);
  });
}

module.exports = { load, loadOne, loadFn, loadExpr, loadLine, loadText, loadOuter };
