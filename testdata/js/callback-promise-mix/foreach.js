// Async callbacks given to forEach: the promises are dropped.

const db = require('./db');

function inline(ids) {
  ids.forEach(async (id) => { // expect: 7 [callback-promise-mix] "ignores the promise"
    await db.remove(id);
  });
}

function functionExpression(ids) {
  // expect: [callback-promise-mix]
  ids.forEach(async function (id) {
    await db.remove(id);
  });
}

async function sendOne(user) {
  await db.notify(user);
}

function byName(users) {
  users.forEach(sendOne); // expect: [callback-promise-mix]
  // expect-note@-6: "declared async here"
}

const archive = async (row) => { await db.archive(row); };

function byConstName(rows) {
  rows.forEach(archive); // expect: [callback-promise-mix]
}

function chained(obj) {
  Object.keys(obj).forEach(async (k) => { await db.put(k, obj[k]); }); // expect: [callback-promise-mix]
}

function onMap(sessions) {
  sessions.forEach(async (value, key) => { await db.expire(key, value); }); // expect: [callback-promise-mix]
}

class Importer {
  run() {
    this.rows.forEach(async (r) => { await this.store.save(r); }); // expect: [callback-promise-mix]
  }
}

function parenthesized(ids) {
  ids.forEach((async (id) => { await db.touch(id); })); // expect: [callback-promise-mix]
}

function optionalChain(maybe) {
  maybe?.forEach(async (x) => { await db.touch(x); }); // expect: [callback-promise-mix]
}

function noAwaitInside(ids) {
  // Still wrong: a throw inside becomes an unhandled rejection.
  ids.forEach(async (id) => { db.touchSync(id); }); // expect: [callback-promise-mix]
}

module.exports = { inline, functionExpression, byName, byConstName, chained, onMap, Importer };
