// Two locks taken from two parameters, in the order the caller passed them.
import { Mutex, withTimeout } from 'async-mutex';
import Redlock from 'redlock';
import AsyncLock from 'async-lock';

const redlock = new Redlock([]);
const asyncLock = new AsyncLock();
const accountLocks = new Map();

export async function transfer(from, to, amount) {
  const releaseFrom = await from.lock.acquire();
  try {
    const releaseTo = await to.lock.acquire(); // expect: [lock-order] "'to.lock' is acquired while 'from.lock' (line 11) is held"
    // expect-note@-3: "'from.lock' acquired here"
    try {
      from.balance -= amount;
      to.balance += amount;
    } finally {
      releaseTo();
    }
  } finally {
    releaseFrom();
  }
}

export async function move(a, b, item) {
  await a.mutex.runExclusive(async () => {
    await b.mutex.runExclusive(async () => { // expect: [lock-order] "'b.mutex'"
      a.items.delete(item);
      b.items.add(item);
    });
  });
}

export async function swapSeats(x, y) {
  const r1 = await withTimeout(x.mutex, 1000).acquire();
  const r2 = await withTimeout(y.mutex, 1000).acquire(); // expect: [lock-order] "'y.mutex'"
  [x.seat, y.seat] = [y.seat, x.seat];
  r2();
  r1();
}

export async function transferById(fromId, toId, amount) {
  const first = await accountLocks.get(fromId).acquire();
  const second = await accountLocks.get(toId).acquire(); // expect: [lock-order] "accountLocks.get(toId)"
  try {
    await ledger.move(fromId, toId, amount);
  } finally {
    second();
    first();
  }
}

export async function redlockTransfer(src, dst) {
  const l1 = await redlock.acquire([`account:${src}`], 5000);
  const l2 = await redlock.acquire([`account:${dst}`], 5000); // expect: [lock-order] "account:${dst}"
  try {
    await ledger.move(src, dst);
  } finally {
    await l2.release();
    await l1.release();
  }
}

export function asyncLockTransfer(src, dst) {
  return asyncLock.acquire(`acct:${src}`, () =>
    asyncLock.acquire(`acct:${dst}`, () => ledger.move(src, dst))); // expect: [lock-order] "acct:${dst}"
}

export async function semaphores(p, q) {
  const [, releaseP] = await p.semaphore.acquire();
  const [, releaseQ] = await q.semaphore.acquire(); // expect: [lock-order] "'q.semaphore'"
  releaseQ();
  releaseP();
}

export const arrowTransfer = async (left, right) => {
  await left.mutex.lock();
  await right.mutex.lock(); // expect: [lock-order]
  left.mutex.unlock();
  right.mutex.unlock();
};

export function thenNested(a, b) {
  return a.lock.acquire().then(async (releaseA) => {
    const releaseB = await b.lock.acquire(); // expect: [lock-order] "'b.lock'"
    releaseB();
    releaseA();
  });
}

const ledger = { async move() {} };
