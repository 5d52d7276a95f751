// inventory.js - stock levels, reservations and the nightly stock snapshot.
import { promises as fsp, existsSync } from 'node:fs';
import * as db from './db.js';

const SNAPSHOT = new URL('../data/stock-snapshot.json', import.meta.url);

let warehouse; // connection to the warehouse system, opened on first use

async function connectWarehouse() {
  // stand-in for a slow network handshake
  await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    async ship(sku, qty) { return { sku, qty, at: Date.now() }; },
  };
}

export async function getWarehouse() {
  if (!warehouse) {
    // BUG: two requests that arrive before the handshake finishes both see
    // `warehouse` unset and both connect; the first connection is
    // overwritten and never closed. Store the promise instead:
    // `warehouse ??= connectWarehouse()` (or the runtime's lazy()).
    warehouse = await connectWarehouse();
  }
  return warehouse;
}

export async function reserve(sku, qty) {
  const stock = (await db.get('stock', sku)) ?? 0;
  if (stock < qty) {
    return false;
  }
  // BUG: while db.get() was in flight another order for the same sku could
  // read the same level; both pass the check and both write `stock - qty`,
  // so the stock is oversold and one reservation is lost. Do the check in
  // the store (a conditional update) or hold a Mutex per sku.
  await db.put('stock', sku, stock - qty);
  return true;
}

export async function ship(order) {
  const wh = await getWarehouse();
  return wh.ship(order.sku, order.qty);
}

export async function restock(deliveries) {
  // BUG: if one put() fails, Promise.all rejects at once while the other
  // stock updates keep running and stay applied; the caller retries the whole
  // delivery and counts the rest twice. Use the runtime's settleAll() to
  // learn which ones failed, or one transaction.
  await Promise.all(
    deliveries.map(async (d) => {
      const current = (await db.get('stock', d.sku)) ?? 0;
      await db.put('stock', d.sku, current + d.qty);
    }),
  );
}

export async function saveSnapshot(levels) {
  // BUG: another process (the previous night's job, a backup) can create the
  // file between the existsSync() check and the write, which then silently
  // overwrites it. Write with the 'wx' flag and handle EEXIST instead.
  if (!existsSync(SNAPSHOT)) {
    await fsp.writeFile(SNAPSHOT, JSON.stringify(levels));
  }
}

export async function levels(skus) {
  // Fine: reads only, and the promises are awaited together.
  return Promise.all(skus.map((sku) => db.get('stock', sku)));
}
