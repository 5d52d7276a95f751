// fix-enable: sequential-await
// Fix: independent reads awaited one after another become one
// `await Promise.all([...])`. Unsafe: the later reads now start even when
// an earlier one fails, and before it finishes.
import * as db from './db.js';

export async function summary(day) {
  const orders = await db.get('orders', day); // expect-note: "the first read"
  const refunds = await db.get('refunds', day); // expect: [sequential-await]
  return { orders, refunds };
}

export async function totals(day) {
  // expect@+3: [sequential-await]
  // expect-note@+1: "the first read"
  const sales = await db.get('sales', day);
  const costs = await db.get('costs', day);
  return sales - costs;
}

export async function report(day) {
  const orders = (await db.get('ordersByDay', day)) ?? []; // expect-note: "the first read"
  const refunds = (await db.get('refundsByDay', day)) ?? []; // expect: [sequential-await]
  return orders.length - refunds.length;
}

export async function profile(id) {
  // the comment between the reads stays
  const user = await db.fetchUser(id); // expect-note: "the first read"
  // settings are per account
  const settings = await db.fetchSettings(id); // expect: [sequential-await]
  return { user, settings };
}

export async function offsets(topic) {
  // calls over several lines move into the list one level deeper
  const high = await db.fetchOffsets([ // expect-note: "the first read"
    { topic, fromBeginning: false },
  ]);
  const low = await db.fetchOffsets([ // expect: [sequential-await]
    { topic, fromBeginning: true },
  ]);
  return { high, low };
}
