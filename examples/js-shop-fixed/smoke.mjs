// smoke.mjs - runs the fixed shop concurrently against the fake db and the
// fetch stub (src/net.js, no network) and asserts the invariants the BUG
// comments of examples/js-shop say were broken. Run: node smoke.mjs
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { register } from 'node:module';
import { mock } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

register('./smoke-hooks.mjs', import.meta.url);
const { settleAll } = await import('@racelint/runtime');

const unhandled = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

const db = await import('./src/db.js');
const net = await import('./src/net.js');
const inventory = await import('./src/inventory.js');
const orders = await import('./src/orders.js');
const accounts = await import('./src/accounts.js');
const background = await import('./src/background.js');

const sentTo = (prefix) => net.requests.filter((r) => r.url.startsWith(prefix));
// No step has a deadline: a promise deadlock leaves the event loop empty, and
// node then exits at once with status 13 ("unsettled top-level await"), so a
// deadlock fails this script on any machine, however loaded.

async function step(name, fn) {
  await fn();
  console.log(`ok - ${name}`);
}

await step('30 concurrent orders for 10 in stock: no oversell, unique ids, one receipt each', async () => {
  await db.put('stock', 'mug', 10);
  const customers = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, email: `c${i}@shop.invalid` }));
  const results = await Promise.allSettled(
    customers.map((c) => orders.placeOrder(c, [{ sku: 'mug', qty: 1, price: 25 }])),
  );
  const placed = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
  const refused = results.filter((r) => r.status === 'rejected');
  assert.equal(placed.length, 10);
  assert.ok(refused.every((r) => /out of stock/.test(r.reason.message)));
  assert.equal(await db.get('stock', 'mug'), 0);
  assert.equal(new Set(placed).size, 10);
  assert.equal(sentTo('https://mail.invalid/send').length, 10);
  const rows = await orders.totals(placed);
  assert.ok(rows.every((row) => row.total === 25));

  const points = await Promise.all(placed.map((id) => accounts.awardPoints({ id })));
  assert.deepEqual(points, Array(10).fill(2));
  assert.equal(accounts.totalPointsIssued(), 20);
});

await step('an order with one item out of stock gives back what it reserved', async () => {
  await db.put('stock', 'pen', 5);
  await db.put('stock', 'ink', 0);
  await assert.rejects(
    orders.placeOrder({ id: 'x', email: 'x@shop.invalid' }, [{ sku: 'pen', qty: 2 }, { sku: 'ink', qty: 1 }]),
    /out of stock: ink/,
  );
  assert.equal(await db.get('stock', 'pen'), 5);
});

await step('reservations and restocks of one sku interleave without lost updates', async () => {
  await db.put('stock', 'cup', 0);
  await settleAll([
    inventory.restock(Array.from({ length: 20 }, () => ({ sku: 'cup', qty: 3 }))),
    ...Array.from({ length: 20 }, () => inventory.addStock('cup', 2)),
  ]);
  assert.equal(await db.get('stock', 'cup'), 100);
  const ok = await Promise.all(Array.from({ length: 40 }, () => inventory.reserve('cup', 3)));
  assert.equal(ok.filter(Boolean).length, 33);
  assert.equal(await db.get('stock', 'cup'), 1);
});

await step('the warehouse connection is created once for concurrent callers', async () => {
  const clients = await Promise.all(Array.from({ length: 10 }, () => inventory.getWarehouse()));
  assert.ok(clients.every((c) => c === clients[0]));
  const shipped = await Promise.all([inventory.ship({ sku: 'mug', qty: 1 }), inventory.ship({ sku: 'pen', qty: 2 })]);
  assert.deepEqual(shipped.map((s) => s.sku), ['mug', 'pen']);
});

await step('the snapshot is created once and never overwritten', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shop-smoke-'));
  try {
    const file = join(dir, 'stock-snapshot.json');
    const written = await settleAll([
      inventory.saveSnapshot({ mug: 1 }, file),
      inventory.saveSnapshot({ mug: 2 }, file),
    ]);
    assert.deepEqual(written.filter(Boolean).length, 1);
    const first = await readFile(file, 'utf8');
    assert.equal(await inventory.saveSnapshot({ mug: 3 }, file), false);
    assert.equal(await readFile(file, 'utf8'), first);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

await step('opposite transfers and closeAccount/postInterest finish (no deadlock), money is kept', async () => {
  const a = accounts.openAccount('a');
  const b = accounts.openAccount('b');
  a.balance = 1000;
  b.balance = 1000;
  const moves = [];
  for (let i = 0; i < 50; i++) {
    moves.push(accounts.transfer(a, b, 7), accounts.transfer(b, a, 5));
  }
  await settleAll(moves);
  assert.equal(a.balance + b.balance, 2000);
  assert.equal(a.balance, 1000 - 50 * 2);

  const c = accounts.openAccount('c');
  c.balance = 100;
  await settleAll([accounts.closeAccount(c), accounts.postInterest([a, b], 0.01), accounts.closeAccount(b)]);
  await assert.rejects(accounts.transfer(c, a, 1000), /insufficient credit/);
});

await step('statement numbers are unique', async () => {
  const acct = accounts.openAccount('s');
  const numbers = await Promise.all(Array.from({ length: 20 }, () => accounts.nextStatement(acct)));
  assert.equal(new Set(numbers).size, 20);
  assert.deepEqual([...numbers].sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1));
});

await step('concurrent callers share one fx fetch', async () => {
  const rates = await Promise.all(Array.from({ length: 20 }, () => accounts.rateFor('EUR')));
  assert.ok(rates.every((r) => r === 1.25));
  assert.equal(await accounts.rateFor('EUR'), 1.25);
  assert.equal(sentTo('https://fx.invalid/EUR').length, 1);
});

await step('reminders: only inactive customers, awaited; remindAll awaits every one', async () => {
  const now = Date.now();
  const people = [
    { id: 'new', email: 'n@shop.invalid' },
    { id: 'recent', email: 'r@shop.invalid' },
    { id: 'old', email: 'o@shop.invalid' },
  ];
  await db.put('lastOrder', 'recent', now - 86_400_000);
  await db.put('lastOrder', 'old', now - 90 * 86_400_000);
  const inactive = await background.remindInactive(people);
  assert.deepEqual(inactive.map((c) => c.id), ['new', 'old']);
  assert.deepEqual(sentTo('https://mail.invalid/remind/').map((r) => r.url.split('/').pop()), ['new', 'old']);
  await orders.remindAll(people);
  assert.equal(sentTo('https://mail.invalid/remind/').length, 5);
});

await step('the daily report is stored before dailyReport resolves', async () => {
  await db.put('ordersByDay', '2026-11-22', ['o1', 'o2']);
  const report = await background.dailyReport('2026-11-22');
  assert.deepEqual(report, { day: '2026-11-22', orders: 2, refunds: 0 });
  assert.deepEqual(await db.get('reports', '2026-11-22'), report);
});

await step('loadPriceList resolves with the list and rejects on errors', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shop-smoke-'));
  try {
    const file = join(dir, 'prices.json');
    await writeFile(file, JSON.stringify({ mug: 25 }));
    assert.deepEqual(await background.loadPriceList(file), { mug: 25 });
    await assert.rejects(background.loadPriceList(join(dir, 'missing.json')), { code: 'ENOENT' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

await step('stock sync in the background: applied, never overlapping, failures reported, never unhandled', async () => {
  // The job's interval runs on a fake clock: each tick starts exactly one
  // sync, whatever the machine's load (the db and fetch stubs keep their
  // real, random delays); the test waits for what the sync does, not for a
  // time.
  mock.timers.enable({ apis: ['setInterval'] });
  try {
    const errors = [];
    let failed;
    const failure = new Promise((resolve) => { failed = resolve; });
    const warehouse = () => sentTo('https://warehouse.invalid/').length;
    const before = warehouse();
    await db.put('stock', 'mug', 0);
    await db.put('stock', 'pen', 0);
    net.setStockFeed([{ sku: 'mug', qty: 40 }, { sku: 'pen', qty: 9 }]);
    const stop = background.startJobs(5, (err) => { errors.push(err); failed(); });
    mock.timers.tick(5); // a sync starts (and holds the sync lock)
    mock.timers.tick(5); // the next tick finds it running: skipped, no overlap
    assert.equal(warehouse(), before + 1);
    // the feed is applied in order, pen last: wait until it is there
    while ((await db.get('stock', 'pen')) !== 9) { /* each get is a real delay */ }
    assert.equal(await db.get('stock', 'mug'), 40);
    assert.equal(errors.length, 0);

    net.setFailing('warehouse.invalid', true);
    mock.timers.tick(5); // the lock is free again: a sync starts, and fails
    await failure;
    stop();
    net.setFailing('warehouse.invalid', false);
    assert.equal(warehouse(), before + 2);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /stock sync failed: 503/);
  } finally {
    mock.timers.reset();
  }
});

assert.deepEqual(unhandled, []);
console.log('smoke: all invariants hold');
