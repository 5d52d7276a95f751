// expect-none: racelint:recommended; racelint:strict reports the async callback of forEach below (foreach_strict/)
// Async callbacks given to forEach: the promises are dropped.

const db = require('./db');

function inline(ids) {
  ids.forEach(async (id) => { // racelint:strict only (foreach_strict/): async callback of forEach
    await db.remove(id);
  });
}

function functionExpression(ids) {
// racelint:strict only (foreach_strict/): async callback of forEach
  ids.forEach(async function (id) {
    await db.remove(id);
  });
}

async function sendOne(user) {
  await db.notify(user);
}

function byName(users) {
  users.forEach(sendOne); // racelint:strict only (foreach_strict/): async callback of forEach

}

const archive = async (row) => { await db.archive(row); };

function byConstName(rows) {
  rows.forEach(archive); // racelint:strict only (foreach_strict/): async callback of forEach
}

function chained(obj) {
  Object.keys(obj).forEach(async (k) => { await db.put(k, obj[k]); }); // racelint:strict only (foreach_strict/): async callback of forEach
}

function onMap(sessions) {
  sessions.forEach(async (value, key) => { await db.expire(key, value); }); // racelint:strict only (foreach_strict/): async callback of forEach
}

class Importer {
  run() {
    this.rows.forEach(async (r) => { await this.store.save(r); }); // racelint:strict only (foreach_strict/): async callback of forEach
  }
}

function parenthesized(ids) {
  ids.forEach((async (id) => { await db.touch(id); })); // racelint:strict only (foreach_strict/): async callback of forEach
}

function optionalChain(maybe) {
  maybe?.forEach(async (x) => { await db.touch(x); }); // racelint:strict only (foreach_strict/): async callback of forEach
}

function noAwaitInside(ids) {
  // Still wrong: a throw inside becomes an unhandled rejection.
  ids.forEach(async (id) => { db.touchSync(id); }); // racelint:strict only (foreach_strict/): async callback of forEach
}

module.exports = { inline, functionExpression, byName, byConstName, chained, onMap, Importer };
