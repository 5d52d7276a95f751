// Near-misses a naive rule would flag: none of these leaves partial writes
// unreported.
// expect-none
const fs = require('fs/promises');
const db = require('./db');
const { settleAll } = require('@racelint/runtime');

async function reads(ids) {
  // only reads
  return Promise.all(ids.map((id) => db.find(id)));
}

async function readPair(id) {
  return Promise.all([db.getUser(id), db.getOrders(id)]);
}

async function oneWrite(user) {
  // one write and one read: nothing partial
  const [, profile] = await Promise.all([db.save(user), db.getProfile(user.id)]);
  return profile;
}

async function settled(items) {
  const results = await Promise.allSettled(items.map((x) => db.insert(x)));
  return results.filter((r) => r.status === 'rejected');
}

async function withSettleAll(items) {
  return settleAll(items.map((x) => db.insert(x)));
}

async function inTransaction(items) {
  await db.transaction(async (tx) => {
    await Promise.all(items.map((x) => tx.insert(x)));
  });
}

async function compensated(items) {
  try {
    await Promise.all(items.map((x) => db.insert(x)));
  } catch (err) {
    await db.rollback();
    throw err;
  }
}

async function manualTransaction(items) {
  const trx = await db.begin();
  await Promise.all(items.map((x) => trx.insert(x)));
  await trx.commit();
}

async function eachHandlesItsOwn(items, failures) {
  await Promise.all(items.map(async (x) => {
    try {
      await db.save(x);
    } catch (err) {
      failures.push({ x, err });
    }
  }));
}

async function catchPerWrite(items) {
  await Promise.all(items.map((x) => db.save(x).catch((err) => ({ x, err }))));
}

async function localSideEffect(ids, cache) {
  // cache.set is a synchronous Map write, not an operation Promise.all waits for
  return Promise.all(ids.map(async (id) => {
    const v = await db.find(id);
    cache.set(id, v);
    return v;
  }));
}

async function catchUndoes(paths, data) {
  await Promise.all(paths.map((p) => db.write(p, data))).catch(async (err) => {
    await Promise.allSettled(paths.map((p) => db.unlink(p)));
    throw err;
  });
}

async function notWriteNames(items) {
  // settle, setup, address, posterity: not write verbs
  await Promise.all(items.map((x) => x.settle()));
  await Promise.all([setup(), addressOf(items)]);
}

async function getRequests(urls) {
  return Promise.all(urls.map((u) => fetch(u, { method: 'GET' })));
}

async function thenRejectedUndoes(items) {
  return Promise.all(items.map((x) => db.create(x))).then(
    (rows) => rows,
    async (err) => {
      await db.deleteWhere({ batch: items[0].batch });
      throw err;
    },
  );
}

async function closeAll(clients, err) {
  // closing connections, not writing data
  await Promise.all(clients.map((c) => c.destroy(err)));
}

async function loadKeys(registries) {
  // a setter that fills an in-memory cache
  await Promise.all([...registries].map((registry) => this.setKeys({ registry })));
}

async function cleanDirs(dirs) {
  // forced removal is idempotent: a retry finishes the job
  await Promise.all(dirs.map((d) => fs.rm(d, { force: true, recursive: true })));
}

async function race(items) {
  return Promise.race(items.map((x) => db.save(x)));
}

module.exports = { reads, readPair, oneWrite, settled, withSettleAll, inTransaction,
  compensated, manualTransaction, eachHandlesItsOwn, catchPerWrite, localSideEffect,
  catchUndoes, notWriteNames, getRequests, thenRejectedUndoes, closeAll, loadKeys, cleanDirs, race };
