// Named module-level locks taken in opposite orders by two functions.
import { Mutex } from 'async-mutex';
import Redlock from 'redlock';

const stockMutex = new Mutex();
const ordersMutex = new Mutex();
const auditMutex = new Mutex();
const gate = new Mutex();
const redlock = new Redlock([]);

export async function reserve(sku) {
  await stockMutex.runExclusive(async () => {
    await ordersMutex.runExclusive(async () => { // expect: [lock-order] "'stockMutex' and 'ordersMutex' are taken in opposite orders"
      await record(sku);
    });
  });
}

export async function cancel(orderId) {
  const release = await ordersMutex.acquire();
  try {
    const releaseStock = await stockMutex.acquire(); // expect-note: "'stockMutex' taken while holding 'ordersMutex' (line 20) in cancel"
    try {
      await record(orderId);
    } finally {
      releaseStock();
    }
  } finally {
    release();
  }
}

// A three-lock cycle through redlock resources.
export async function a1() {
  await redlock.using(['inventory'], 1000, async () => {
    await redlock.using(['payments'], 1000, async () => record(1)); // expect: [lock-order] "locks are taken in a cycle"
  });
}
export async function a2() {
  await redlock.using(['payments'], 1000, async () => {
    await redlock.using(['shipping'], 1000, async () => record(2)); // expect-note: "'shipping' taken while holding 'payments'"
  });
}
export async function a3() {
  await redlock.using(['shipping'], 1000, async () => {
    await redlock.using(['inventory'], 1000, async () => record(3)); // expect-note: "'inventory' taken while holding 'shipping'"
  });
}

// Opposite orders, but always under `gate` first: serialised, no deadlock.
export async function g1() {
  await gate.runExclusive(() => auditMutex.runExclusive(() => stockMutex.runExclusive(() => record(4))));
}
export async function g2() {
  await gate.runExclusive(() => stockMutex.runExclusive(() => auditMutex.runExclusive(() => record(5))));
}

// Through a call: settle() holds journalMutex while flushCache() takes
// cacheMutex; evict() takes them the other way round.
const journalMutex = new Mutex();
const cacheMutex = new Mutex();

async function flushCache() {
  await cacheMutex.runExclusive(() => record(6));
}

export async function settle() {
  await journalMutex.runExclusive(async () => {
    await flushCache(); // expect: [lock-order] "'journalMutex' then 'cacheMutex' via flushCache()"
  });
}

export async function evict() {
  await cacheMutex.runExclusive(async () => {
    await journalMutex.runExclusive(() => record(7)); // expect-note: "'journalMutex' taken while holding 'cacheMutex'"
  });
}

// A call under a lock to a function that takes no lock, or the same order.
async function plain() { return record(8); }
export async function calm() {
  await journalMutex.runExclusive(async () => {
    await plain();
    await settle();
  });
}

async function record(x) { return x; }
