// fix-enable: promise-all-mutation
// Fix: Promise.all over writes -> the runtime's settleAll(), which waits
// for every write and then rejects with one SettleAllError naming each
// failure. The import is added once, after the file's last import (an ES
// module), whichever finding's fix comes first. The findings of named
// functions are raised in phase 2 (a caller might run them in a
// transaction), so their fix is built in phase 1 and kept on a fact; the
// anonymous callback's is reported in phase 1. Unsafe: the rejection
// comes after every write settled, and it is a SettleAllError, not the
// first failure's own error (a caller testing err.code sees another).
import { readFile } from 'node:fs/promises';
import * as db from './db.js';

export async function saveAll(users) {
  await Promise.all(users.map((u) => db.users.save(u))); // expect: [promise-all-mutation] "db.users.save"
}

export async function checkout(order) {
  // expect: [promise-all-mutation] "rejects at the first failure"
  await Promise.all([
    db.orders.insert(order), // expect-note: "writes here"
    db.stock.decrement(order.sku, order.qty), // expect-note: "writes here"
  ]);
}

export function onBatch(queue) {
  queue.on('batch', async (items) => {
    await Promise.all(items.map((i) => db.insert(i))); // expect: [promise-all-mutation]
  });
}

export async function config(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}
