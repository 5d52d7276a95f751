// Fix: an async forEach callback over an Array (a literal, Object.keys(),
// an Array's map(), a const holding one) becomes
// `await Promise.all(xs.map(cb))`, a safe fix that plain --fix applies. The
// callbacks are called as forEach called them (the same arguments, in the
// same order, started together); only the bug changes: the function now
// waits for them, and a rejection rejects it instead of going unhandled.
// tests/fix/foreach_all_behaviour.js runs this file and its .fixed and
// checks exactly that. Near-misses keep the unsafe fixes only: a parameter
// (a Map or a Set has no map()), a `let`, a Set.
'use strict';

async function notifyAll(send, trace) {
  const ids = [1, 2, 3];
  // expect@+1: [callback-promise-mix]
  ids.forEach(async (id, i) => {
    trace.push(`start ${id} ${i}`);
    await send(id);
    trace.push(`end ${id}`);
  });
  trace.push('after');
}

async function notifyKeys(send, trace) {
  const byId = { 1: 'a', 2: 'b', 3: 'c' };
  // expect@+1: [callback-promise-mix]
  Object.keys(byId).forEach(async (id) => {
    trace.push(`start ${id}`);
    await send(Number(id));
    trace.push(`end ${id}`);
  });
  trace.push('after');
}

async function notifyScaled(send, trace) {
  // expect@+1: [callback-promise-mix]
  [10, 20, 30].map((x) => x / 10).forEach(async (id, i, all) => {
    trace.push(`start ${id} ${i} ${all.length}`);
    await send(id);
    trace.push(`end ${id}`);
  });
  trace.push('after');
}

async function notifyGiven(send, trace, ids) {
  // expect@+1: [callback-promise-mix]
  ids.forEach(async (id) => {
    await send(id);
  });
  trace.push('after');
}

async function notifyLet(send, trace) {
  let ids = [1, 2];
  // expect@+1: [callback-promise-mix]
  ids.forEach(async (id) => {
    await send(id);
  });
  ids = [];
  trace.push('after');
}

async function notifySet(send, trace) {
  const ids = new Set([1, 2]);
  // expect@+1: [callback-promise-mix]
  ids.forEach(async (id) => {
    await send(id);
  });
  trace.push('after');
}

module.exports = { notifyAll, notifyKeys, notifyScaled, notifyGiven, notifyLet, notifySet };
