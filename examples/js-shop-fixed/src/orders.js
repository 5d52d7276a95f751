// orders.js - places orders and keeps stock.
import { forEachAsync } from '@racelint/runtime';
import * as db from './db.js';
import { reserve, restock } from './inventory.js';
import { sendReceipt, remindCustomer } from './notify.js';

let orderSeq = 0;

export async function placeOrder(customer, items) {
  // (Also: the sequence number keeps two orders placed in the same
  // millisecond from sharing an id.)
  const orderId = `o-${Date.now()}-${++orderSeq}`;
  // FIXED: a for...of loop awaits each reservation before the order is
  // stored, and reserve() (inventory.js) checks and updates the level under
  // the sku's lock. An item out of stock rejects the order and gives back
  // what was already reserved; a failed put() rejects placeOrder.
  const reserved = [];
  try {
    for (const item of items) {
      if (!(await reserve(item.sku, item.qty))) throw new Error(`out of stock: ${item.sku}`);
      reserved.push(item);
    }
  } catch (err) {
    await restock(reserved);
    throw err;
  }
  const total = items.reduce((sum, item) => sum + (item.price ?? 0) * item.qty, 0);
  await db.put('orders', orderId, { customer: customer.id, items, total });
  await sendReceipt(customer, orderId);
  return orderId;
}

export async function remindAll(customers) {
  // FIXED: forEachAsync awaits each reminder in turn; remindAll resolves when
  // all are sent and rejects with the first failure.
  await forEachAsync(customers, (customer) => remindCustomer(customer));
}

export async function totals(orders) {
  // Fine: the promises are collected and awaited.
  return Promise.all(orders.map((id) => db.get('orders', id)));
}
