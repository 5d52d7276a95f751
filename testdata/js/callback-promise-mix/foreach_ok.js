// Near-misses a naive rule would flag: none of these drop a promise.
// expect-none

const db = require('./db');

async function sequential(ids) {
  for (const id of ids) {
    await db.remove(id);
  }
}

async function concurrent(ids) {
  await Promise.all(ids.map(async (id) => { await db.remove(id); }));
}

function syncCallback(ids) {
  ids.forEach((id) => console.log(id));
}

function syncFunctionByName(ids) {
  function log(id) { console.log(id); }
  ids.forEach(log);
}

async function handler(x) { await db.touch(x); }

function shadowedByParameter(ids, handler) {
  // `handler` here is the parameter, not the async function above.
  ids.forEach(handler);
}

function shadowedByLocal(ids) {
  const handler = (x) => console.log(x);
  ids.forEach(handler);
}

function ownForEach(forEach) {
  // A plain forEach() call is the caller's own helper, which may await.
  forEach(async (x) => { await db.touch(x); });
}

function otherMethod(queue) {
  queue.forEachAsync(async (x) => { await db.touch(x); });
}

function voided(ids) {
  ids.forEach((id) => { void db.touch(id).catch(console.error); });
}

// A string and a comment: ids.forEach(async (id) => {})
const text = "ids.forEach(async (id) => {})";

module.exports = { sequential, concurrent, syncCallback, syncFunctionByName,
  shadowedByParameter, shadowedByLocal, ownForEach, otherMethod, voided, text };
