// TypeScript near-misses: ordered, single, released, or not locks.
// expect-none
import { Mutex, withTimeout } from 'async-mutex';
import { withLocks } from '@racelint/runtime';

interface Account { id: number; balance: number; mutex: Mutex; }
interface Pool { acquire(): Promise<object>; }

export async function transfer(from: Account, to: Account, amount: number): Promise<void> {
  const ordered: Account[] = [from, to].toSorted((p, q) => p.id - q.id);
  await ordered[0].mutex.runExclusive(() =>
    ordered[1].mutex.runExclusive(() => {
      from.balance -= amount;
      to.balance += amount;
    }));
}

export async function byKey(a: Account, b: Account): Promise<void> {
  const first = String(a.id).localeCompare(String(b.id)) < 0 ? a : b;
  const second = first === a ? b : a;
  await first.mutex.runExclusive(() => second.mutex.runExclusive(() => undefined));
}

export async function viaRuntime(a: Account, b: Account): Promise<void> {
  await withLocks([a.mutex, b.mutex], async () => undefined);
}

export async function timeoutOne(a: Account): Promise<void> {
  await withTimeout(a.mutex, 100).runExclusive(() => a.balance++);
}

export async function twoPools(p: Pool, q: Pool): Promise<void> {
  const c1 = await p.acquire();
  const c2 = await q.acquire();
  void [c1, c2];
}

export async function released(a: Account, b: Account): Promise<void> {
  const r = await a.mutex.acquire();
  a.balance--;
  r();
  const s = await b.mutex.acquire();
  b.balance++;
  s();
}

// Class locks taken in the same order by every method.
export class Store {
  private itemsLock = new Mutex();
  private indexLock = new Mutex();

  async add(): Promise<void> {
    await this.itemsLock.runExclusive(() => this.indexLock.runExclusive(() => 1));
  }

  async remove(): Promise<void> {
    const r1 = await this.itemsLock.acquire();
    const r2 = await this.indexLock.acquire();
    r2();
    r1();
  }

  // Released before the other is taken.
  async reindex(): Promise<void> {
    const r = await this.indexLock.acquire();
    r();
    await this.itemsLock.runExclusive(() => 3);
  }
}

// Two instances of one class each use their own lock: not an order.
export class Counter {
  private lock = new Mutex();
  async add(other: Counter): Promise<void> {
    await this.lock.runExclusive(() => other.bump());
  }
  async bump(): Promise<void> {
    await this.lock.runExclusive(() => 1);
  }
}

// An order and its customer cannot be passed the other way round.
interface Order { id: string; mutex: Mutex; }
interface Customer { id: string; mutex: Mutex; }
export async function attach(order: Order, customer: Customer): Promise<void> {
  await order.mutex.runExclusive(() => customer.mutex.runExclusive(() => undefined));
}

// async-mutex's tryAcquire() wrapper fails at once instead of waiting.
export async function tryNested(a: Account, b: Account): Promise<void> {
  await a.mutex.runExclusive(() => tryAcquire(b.mutex).runExclusive(() => undefined));
}
declare function tryAcquire(m: Mutex): Mutex;
