// js_shop_smoke.mjs - runs examples/js-shop after `racelint --fix
// --unsafe-fixes` (a copy: node js_shop_smoke.mjs COPY/js-shop) and asserts
// what the fixes promise: every module still loads, and the behaviour each
// fixed function had is kept while its bug is gone. No network (fetch is a
// stub), no install (examples/js-shop-fixed/smoke-hooks.mjs resolves
// notify.js to notify.ts and strips its types). Nothing races a clock: a
// promise that never settles makes node exit with status 13.
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { register } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const shop = resolve(process.argv[2] ?? '.');
register(new URL('../../examples/js-shop-fixed/smoke-hooks.mjs', import.meta.url));
const sent = [];
globalThis.fetch = async (url) => {
  sent.push(String(url));
  return { ok: true, status: 200, json: async () => [] };
};
const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));
const load = (name) => import(pathToFileURL(join(shop, 'src', name)).href);

const db = await load('db.js');
const inventory = await load('inventory.js');
const orders = await load('orders.js');
const background = await load('background.js');
// accounts.js imports async-mutex, which is not installed: the shell test
// checks its syntax with node --check (no fix touches it).

async function step(name, fn) {
  await fn();
  console.log(`ok - ${name}`);
}

await step('callback-promise-mix: placeOrder has reserved the stock when it resolves', async () => {
  await db.put('stock', 'mug', 10);
  await orders.placeOrder({ id: 'c1', email: 'c1@shop.invalid' }, [{ sku: 'mug', qty: 3 }]);
  assert.equal(await db.get('stock', 'mug'), 7);
});

await step('lazy-init-race: concurrent callers share one warehouse connection', async () => {
  const clients = await Promise.all(Array.from({ length: 10 }, () => inventory.getWarehouse()));
  assert.ok(clients.every((c) => c === clients[0]));
  const shipped = await inventory.ship({ sku: 'mug', qty: 1 });
  assert.equal(shipped.sku, 'mug');
});

await step('sequential-await: the daily report counts the same', async () => {
  await db.put('ordersByDay', 'd1', ['o1', 'o2', 'o3']);
  await db.put('refundsByDay', 'd1', ['r1']);
  const report = await background.dailyReport('d1');
  assert.deepEqual(report, { day: 'd1', orders: 3, refunds: 1 });
  const empty = await background.dailyReport('d2');
  assert.deepEqual(empty, { day: 'd2', orders: 0, refunds: 0 });
});

await step('check-then-act: the snapshot is written once and never overwritten', async () => {
  const data = join(shop, 'data');
  await rm(data, { recursive: true, force: true });
  await mkdir(data);
  const file = join(data, 'stock-snapshot.json');
  await inventory.saveSnapshot({ mug: 1 });
  await inventory.saveSnapshot({ mug: 2 });
  assert.equal(await readFile(file, 'utf8'), JSON.stringify({ mug: 1 }));
});

await step('promise-all-mutation: a restock applies every delivery', async () => {
  await db.put('stock', 'cup', 0);
  await inventory.restock([{ sku: 'cup', qty: 2 }, { sku: 'pen', qty: 5 }]);
  assert.equal(await db.get('stock', 'cup'), 2);
  assert.equal(await db.get('stock', 'pen'), 5);
});

await step('promise-all-mutation: a failed delivery is reported after the others are applied', async () => {
  await db.put('stock', 'ink', 0);
  await db.put('stock', 'pad', 0);
  const bad = { qty: 1, get sku() { throw new Error('no sku'); } };
  const err = await inventory.restock([{ sku: 'ink', qty: 4 }, bad, { sku: 'pad', qty: 6 }]).then(
    () => assert.fail('restock resolved although a delivery failed'),
    (e) => e,
  );
  // settleAll (the fix) waited for every update, then named the failure;
  // Promise.all rejected with the bare error before the others were done
  assert.equal(err.name, 'SettleAllError');
  assert.deepEqual(err.failures.map((f) => [f.index, f.reason.message]), [[1, 'no sku']]);
  assert.equal(await db.get('stock', 'ink'), 4);
  assert.equal(await db.get('stock', 'pad'), 6);
});

await step('callback-promise-mix: only inactive customers get a reminder', async () => {
  await db.put('lastOrder', 'recent', Date.now());
  sent.length = 0;
  await background.remindInactive([{ id: 'recent' }, { id: 'gone' }]);
  assert.deepEqual(sent, ['https://mail.invalid/remind/gone']);
});

await step('floating-promise: the stock sync timer is set up', async () => {
  const timers = [];
  const realSetInterval = globalThis.setInterval;
  globalThis.setInterval = (fn, ms) => timers.push({ fn, ms });
  try {
    background.startJobs();
  } finally {
    globalThis.setInterval = realSetInterval;
  }
  assert.equal(timers.length, 1);
  timers[0].fn();
  await new Promise((r) => setImmediate(r));
  assert.ok(sent.includes('https://warehouse.invalid/stock'));
});

await step('callback-promise-mix: loadPriceList resolves to the list, rejects when it is missing', async () => {
  const file = join(shop, 'data', 'prices.json');
  await mkdir(join(shop, 'data'), { recursive: true });
  await writeFile(file, JSON.stringify({ mug: 450 }));
  // the original resolved to undefined before the read
  assert.deepEqual(await background.loadPriceList(file), { mug: 450 });
  // the original threw inside the callback (an uncaught exception)
  const err = await background.loadPriceList(join(shop, 'data', 'none.json')).then(
    () => assert.fail('loadPriceList resolved for a missing file'),
    (e) => e,
  );
  assert.equal(err.code, 'ENOENT');
});

await new Promise((r) => setImmediate(r));
assert.deepEqual(unhandled, []);
console.log('js-shop smoke: all passed');
