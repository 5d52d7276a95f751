// Near-misses: an ordering step, one lock at a time, or not locks at all.
// expect-none
import { Mutex, withLocks } from '@racelint/runtime';
import Redlock from 'redlock';

const redlock = new Redlock([]);
const pools = { read: null, write: null };

// Sorted first: every caller takes the pair in id order.
export async function transferSorted(from, to, amount) {
  const [first, second] = [from, to].sort((x, y) => x.id - y.id);
  const r1 = await first.lock.acquire();
  const r2 = await second.lock.acquire();
  try {
    from.balance -= amount;
    to.balance += amount;
  } finally {
    r2();
    r1();
  }
}

// Ordered by an id comparison.
export async function transferCompare(a, b) {
  if (a.id < b.id) {
    await a.mutex.runExclusive(() => b.mutex.runExclusive(() => swap(a, b)));
  } else {
    await b.mutex.runExclusive(() => a.mutex.runExclusive(() => swap(a, b)));
  }
}

export async function transferTernary(a, b) {
  const [lo, hi] = a.id < b.id ? [a, b] : [b, a];
  await lo.mutex.runExclusive(() => hi.mutex.runExclusive(() => swap(a, b)));
}

// The runtime orders them.
export async function transferWithLocks(from, to) {
  await withLocks([from.mutex, to.mutex], async () => swap(from, to));
}

// One lock at a time.
export async function oneAtATime(a, b) {
  const r1 = await a.lock.acquire();
  try {
    a.count--;
  } finally {
    r1();
  }
  const r2 = await b.lock.acquire();
  try {
    b.count++;
  } finally {
    r2();
  }
}

export async function sequentialExclusive(a, b) {
  await a.mutex.runExclusive(() => a.count--);
  await b.mutex.runExclusive(() => b.count++);
}

// The second "lock" runs later, after the first is released.
export async function deferred(a, b) {
  await a.mutex.runExclusive(() => {
    setTimeout(() => b.mutex.runExclusive(() => b.count++), 10);
  });
}

// Only one branch runs.
export async function either(a, b, useA) {
  if (useA) {
    await a.lock.acquire();
  } else {
    await b.lock.acquire();
  }
}

// A connection pool is not a lock.
export async function twoPools(x, y) {
  const c1 = await x.pool.acquire();
  const c2 = await y.pool.acquire();
  return [c1, c2];
}

// One redlock call takes the whole set at once.
export async function redlockSet(src, dst) {
  const lock = await redlock.acquire([`account:${src}`, `account:${dst}`], 5000);
  try {
    await swap(src, dst);
  } finally {
    await lock.release();
  }
}

// The same lock object twice (re-entrance is lock-balance's business).
export async function sameLock(a) {
  await a.mutex.runExclusive(() => swap(a, a));
}

// Two different kinds of lock of two objects: always item, then its owner.
export async function itemThenOwner(item, owner) {
  await item.lock.runExclusive(() => owner.ledgerLock.runExclusive(() => swap(item, owner)));
}

// Promise style: each lock is held only inside its then() callback.
export function thenStyle(a, b) {
  a.lock.acquire().then((release) => { a.count--; release(); });
  return b.lock.acquire().then((release) => { b.count++; release(); });
}

// A try-lock never waits, so it cannot deadlock.
export async function tryBoth(a, b) {
  const r1 = await a.mutex.acquire();
  try {
    const r2 = b.mutex.tryAcquire();
    if (r2) r2();
  } finally {
    r1();
  }
}

// Child, then its parent: a structural order every caller follows.
export async function bubbleUp(node) {
  const parent = node.parent;
  await node.lock.runExclusive(() => parent.lock.runExclusive(() => swap(node, parent)));
}

// Released in `finally` behind a null check, then the next one is taken.
export async function guardedRelease(src, dst) {
  let lock;
  try {
    lock = await redlock.acquire([`account:${src}`], 5000);
    await swap(src, dst);
  } finally {
    if (lock) await lock.release();
  }
  let other;
  try {
    other = await redlock.acquire([`account:${dst}`], 5000);
    await swap(dst, src);
  } finally {
    other?.release();
  }
}

async function swap(a, b) { return [b, a]; }
