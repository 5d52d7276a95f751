// background.js - the shop's background jobs: stock sync, reminders, the
// daily report. Started once by the server process.
import { readFile } from 'node:fs/promises';
import { Mutex, mapConcurrent, runInBackground } from '@racelint/runtime';
import * as db from './db.js';
import { setStock } from './inventory.js';
import { fetch } from './net.js';
import { remindCustomer } from './notify.js';

const syncLock = new Mutex();

async function syncStock() {
  const res = await fetch('https://warehouse.invalid/stock');
  if (!res.ok) throw new Error(`stock sync failed: ${res.status}`);
  for (const { sku, qty } of await res.json()) {
    await setStock(sku, qty);
  }
}

// Returns a function that stops the jobs.
export function startJobs(intervalMs = 60_000, onError = (err) => console.error(err)) {
  // FIXED: runInBackground() sends a failed sync to onError instead of an
  // unhandled rejection, and the sync holds syncLock: a tick that finds the
  // previous sync still running skips instead of overlapping it.
  const timer = setInterval(() => {
    runInBackground(async () => {
      const release = syncLock.tryAcquire();
      if (!release) return;
      try {
        await syncStock();
      } finally {
        release();
      }
    }, onError);
  }, intervalMs);
  return () => clearInterval(timer);
}

export async function remindInactive(customers) {
  // FIXED: the async checks run first (mapConcurrent: at most 8 at a time,
  // answers in input order), then filter uses the booleans they resolved to.
  const isInactive = await mapConcurrent(customers, async (c) => {
    const last = await db.get('lastOrder', c.id);
    return !last || Date.now() - last > 30 * 86_400_000;
  }, { concurrency: 8 });
  const inactive = customers.filter((_, i) => isInactive[i]);
  // Fine: the reminders are collected and awaited.
  await Promise.all(inactive.map((c) => remindCustomer(c)));
  return inactive;
}

export async function dailyReport(day) {
  // FIXED: the two independent reads start together and are awaited once.
  const [orders, refunds] = await Promise.all([
    db.get('ordersByDay', day),
    db.get('refundsByDay', day),
  ]);
  const report = { day, orders: (orders ?? []).length, refunds: (refunds ?? []).length };
  // FIXED: the write is awaited: dailyReport resolves once the report is
  // stored and rejects if storing it failed.
  await db.put('reports', day, report);
  return report;
}

export async function loadPriceList(path) {
  // FIXED: fs/promises' readFile is awaited, so a read error or bad JSON
  // rejects loadPriceList's promise and the parsed list is its value.
  const text = await readFile(path, 'utf8');
  return JSON.parse(text);
}
