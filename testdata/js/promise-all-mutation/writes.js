// Promise.all over writes: one failure rejects at once, the other writes
// stay applied, and the caller cannot tell which.
const db = require('./db');
const fs = require('fs/promises');

async function saveAll(users) {
  await Promise.all(users.map((u) => db.users.save(u))); // expect: [promise-all-mutation] "db.users.save"
}

async function checkout(order) {
  // expect: [promise-all-mutation] "rejects at the first failure"
  await Promise.all([
    db.orders.insert(order), // expect-note: "writes here"
    db.stock.decrement(order.sku, order.qty), // expect-note: "writes here"
  ]);
}

async function asyncCallback(ids) {
  await Promise.all(ids.map(async (id) => { // expect: [promise-all-mutation]
    const row = await db.find(id);
    await db.update(id, { seen: row.seen + 1 });
  }));
}

async function namedWriter(items) {
  return Promise.all(items.map(createItem)); // expect: [promise-all-mutation]
}

async function methodReference(items, repo) {
  return Promise.all(items.map(repo.upsert)); // expect: [promise-all-mutation]
}

async function builtWithPush(files) {
  const ops = [];
  for (const f of files) ops.push(fs.writeFile(f.path, f.data));
  await Promise.all(ops); // expect: [promise-all-mutation]
}

async function builtWithMap(ids) {
  const deletions = ids.map((id) => db.remove(id));
  await Promise.all(deletions); // expect: [promise-all-mutation]
}

async function httpWrites(urls, body) {
  // expect: [promise-all-mutation]
  await Promise.all(urls.map((u) => fetch(u, { method: 'POST', body })));
}

async function catchOnlyLogs(items) {
  try {
    await Promise.all(items.map((x) => db.insert(x))); // expect: [promise-all-mutation]
  } catch (err) {
    console.error('insert failed', err);
    throw err;
  }
}

async function catchSwallows(items) {
  // A .catch that only logs still leaves the partial writes in place.
  await Promise.all(items.map((x) => db.put(x))).catch((e) => console.warn(e)); // expect: [promise-all-mutation]
}

async function spreadMap(a, rest) {
  await Promise.all([db.save(a), ...rest.map((r) => db.save(r))]); // expect: [promise-all-mutation]
}

async function thenChain(events) {
  // expect: [promise-all-mutation]
  await Promise.all(events.map((e) => queue.send(e).then(() => e.id)));
}

async function destroyRows(models, id) {
  await Promise.all(models.map((M) => M.destroy({ where: { ownerId: id } }))); // expect: [promise-all-mutation]
}

async function redisSet(redis, a, b) {
  await Promise.all([redis.set('a', a), redis.set('b', b)]); // expect: [promise-all-mutation]
}

module.exports = { destroyRows, redisSet, saveAll, checkout, asyncCallback, namedWriter, methodReference,
  builtWithPush, builtWithMap, httpWrites, catchOnlyLogs, catchSwallows, spreadMap, thenChain };
