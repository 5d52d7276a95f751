// orders.js - places orders and keeps stock.
import * as db from './db.js';
import { sendReceipt, remindCustomer } from './notify.js';

export async function placeOrder(customer, items) {
  const orderId = `o-${Date.now()}`;
  // BUG: forEach does not wait for the async callback. placeOrder returns
  // (and the caller reports success) before stock is reserved, the updates
  // interleave with other orders at every await, and a failed put() is an
  // unhandled rejection. Use `for (const item of items) await ...`.
  items.forEach(async (item) => {
    const stock = (await db.get('stock', item.sku)) ?? 0;
    await db.put('stock', item.sku, stock - item.qty);
  });
  await db.put('orders', orderId, { customer: customer.id, items });
  await sendReceipt(customer, orderId);
  return orderId;
}

export function remindAll(customers) {
  // BUG: remindCustomer is async (notify.ts): the reminders run unawaited
  // and their failures are lost.
  customers.forEach(remindCustomer);
}

export async function totals(orders) {
  // Fine: the promises are collected and awaited.
  return Promise.all(orders.map((id) => db.get('orders', id)));
}
