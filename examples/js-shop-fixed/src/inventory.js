// inventory.js - stock levels, reservations and the nightly stock snapshot.
import { promises as fsp } from 'node:fs';
import { Mutex, lazy, settleAll } from '@racelint/runtime';
import * as db from './db.js';

const SNAPSHOT = new URL('../data/stock-snapshot.json', import.meta.url);

// Every read-modify-write of a stock level runs under that sku's lock.
const skuLocks = new Map(); // sku -> Mutex

function skuLock(sku) {
  let mutex = skuLocks.get(sku);
  if (!mutex) {
    mutex = new Mutex();
    skuLocks.set(sku, mutex);
  }
  return mutex;
}

async function connectWarehouse() {
  // stand-in for a slow network handshake
  await new Promise((resolve) => setTimeout(resolve, 20));
  return {
    async ship(sku, qty) { return { sku, qty, at: Date.now() }; },
  };
}

// FIXED: lazy() keeps the pending connection, so every request that arrives
// during the handshake awaits the same one (and a failed handshake is retried
// by the next call instead of being cached).
export const getWarehouse = lazy(() => connectWarehouse());

export async function reserve(sku, qty) {
  // FIXED: the read, the check and the write run under the sku's Mutex, so
  // two orders for the same sku cannot both pass the check on the same level.
  return skuLock(sku).runExclusive(async () => {
    const stock = (await db.get('stock', sku)) ?? 0;
    if (stock < qty) {
      return false;
    }
    await db.put('stock', sku, stock - qty);
    return true;
  });
}

// Adds (or with a negative qty removes) stock under the sku's lock.
export async function addStock(sku, qty) {
  return skuLock(sku).runExclusive(async () => {
    const current = (await db.get('stock', sku)) ?? 0;
    await db.put('stock', sku, current + qty);
  });
}

// Sets the level outright (stock sync), under the same lock as reserve().
export async function setStock(sku, qty) {
  return skuLock(sku).runExclusive(() => db.put('stock', sku, qty));
}

export async function ship(order) {
  const wh = await getWarehouse();
  return wh.ship(order.sku, order.qty);
}

export async function restock(deliveries) {
  // FIXED: settleAll() waits for every update; if some failed it rejects
  // with a SettleAllError whose `failures` say which deliveries to retry
  // (the others are applied). Each update also takes the sku's lock now, so
  // it cannot lose a concurrent reservation.
  await settleAll(deliveries.map((d) => addStock(d.sku, d.qty)));
}

export async function saveSnapshot(levels, file = SNAPSHOT) {
  // FIXED: no existsSync() check: the 'wx' flag creates the file or fails
  // with EEXIST in one step, so an existing snapshot is never overwritten.
  try {
    await fsp.writeFile(file, JSON.stringify(levels), { flag: 'wx' });
    return true;
  } catch (err) {
    if (err.code === 'EEXIST') return false;
    throw err;
  }
}

export async function levels(skus) {
  // Fine: reads only, and the promises are awaited together.
  return Promise.all(skus.map((sku) => db.get('stock', sku)));
}
