// background.js - the shop's background jobs: stock sync, reminders, the
// daily report. Started once by the server process.
import { readFile } from 'node:fs';
import * as db from './db.js';
import { remindCustomer } from './notify.js';

async function syncStock() {
  const res = await fetch('https://warehouse.invalid/stock');
  if (!res.ok) throw new Error(`stock sync failed: ${res.status}`);
  for (const { sku, qty } of await res.json()) {
    await db.put('stock', sku, qty);
  }
}

export function startJobs() {
  // BUG: nothing awaits syncStock(). A sync slower than a minute overlaps
  // the next one, the two interleave their stock writes at every await, and
  // a failed sync is an unhandled rejection that takes the process down.
  // Use runInBackground(syncStock, onError) or .catch() (floating-promise).
  setInterval(() => {
    syncStock();
  }, 60_000);
}

export async function remindInactive(customers) {
  // BUG: an async predicate returns a promise, which is always truthy, so
  // filter keeps every customer and all of them get a reminder
  // (callback-promise-mix). Await the checks first, then filter.
  const inactive = customers.filter(async (c) => {
    const last = await db.get('lastOrder', c.id);
    return !last || Date.now() - last > 30 * 86_400_000;
  });
  // Fine: the reminders are collected and awaited.
  await Promise.all(inactive.map((c) => remindCustomer(c)));
}

export async function dailyReport(day) {
  // BUG: the two reads do not depend on each other, yet the second starts
  // only when the first has finished: the report waits for two round trips
  // in a row (sequential-await). Use Promise.all.
  const orders = (await db.get('ordersByDay', day)) ?? [];
  const refunds = (await db.get('refundsByDay', day)) ?? [];
  const report = { day, orders: orders.length, refunds: refunds.length };
  // BUG: the report is written without await: dailyReport resolves before
  // it is stored, and a failed write is never reported (floating-promise).
  db.put('reports', day, report);
  return report;
}

export async function loadPriceList(path) {
  readFile(path, 'utf8', (err, text) => {
    // BUG: this callback runs after loadPriceList has already returned its
    // promise: the throw is an uncaught exception instead of a rejection,
    // and the parsed list goes back to readFile, which drops it
    // (callback-promise-mix). Use fs/promises and await it.
    if (err) throw err;
    return JSON.parse(text);
  });
}
