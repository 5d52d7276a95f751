// TypeScript: typed parameters, class-owned locks, casts in the way.
import { Mutex, Semaphore, MutexInterface } from 'async-mutex';
import Redlock, { Lock } from 'redlock';

interface Account { id: string; balance: number; lock: Mutex; }

export async function transfer(from: Account, to: Account, amount: number): Promise<void> {
  const r1: MutexInterface.Releaser = await from.lock.acquire();
  const r2 = await to.lock.acquire(); // expect: [lock-order] "'to.lock' is acquired while 'from.lock'"
  try {
    from.balance -= amount;
    to.balance += amount;
  } finally {
    r2();
    r1();
  }
}

// Parameters typed as mutexes, whatever their names.
export async function pair(a: Mutex, b: Mutex): Promise<void> {
  await a.runExclusive(() => b.runExclusive(() => undefined)); // expect: [lock-order] "'b'"
}

export async function casted(x: unknown, y: unknown): Promise<void> {
  const rx = await (x as Account).lock.acquire();
  const ry = await (y as Account)!.lock.acquire(); // expect: [lock-order]
  ry();
  rx();
}

export async function redlocked(redlock: Redlock, src: string, dst: string): Promise<void> {
  const a: Lock = await redlock.acquire([`acct:${src}`], 1000);
  const b: Lock = await redlock.acquire([`acct:${dst}`], 1000); // expect: [lock-order] "acct:${dst}"
  await b.release();
  await a.release();
}

export async function limited(s1: Semaphore, s2: Semaphore): Promise<void> {
  await s1.runExclusive(async () => {
    await s2.runExclusive(async () => 1); // expect: [lock-order]
  });
}

// Two methods of one class disagree on the order of its two locks.
export class Ledger {
  private balanceLock = new Mutex();
  private historyLock: Mutex;

  constructor() {
    this.historyLock = new Mutex();
  }

  async post(amount: number): Promise<void> {
    await this.balanceLock.runExclusive(async () => {
      await this.historyLock.runExclusive(async () => { // expect: [lock-order] "'Ledger.balanceLock' and 'Ledger.historyLock' are taken in opposite orders"
        this.append(amount);
      });
    });
  }

  async compact(): Promise<void> {
    const releaseHistory = await this.historyLock.acquire();
    try {
      const releaseBalance = await this.balanceLock.acquire(); // expect-note: "'Ledger.balanceLock' taken while holding 'Ledger.historyLock'"
      releaseBalance();
    } finally {
      releaseHistory();
    }
  }

  private append(n: number): number { return n; }
}

// Static locks of a class, used from static methods.
export class Registry {
  static readLock = new Mutex();
  static writeLock = new Mutex();

  static async refresh(): Promise<void> {
    await Registry.readLock.runExclusive(() => Registry.writeLock.runExclusive(() => 1)); // expect: [lock-order] "'Registry.readLock' and 'Registry.writeLock'"
  }

  static async rebuild(): Promise<void> {
    await Registry.writeLock.runExclusive(() => Registry.readLock.runExclusive(() => 2)); // expect-note: "'Registry.readLock' taken while holding 'Registry.writeLock'"
  }
}

// Through a method call: deposit() holds accountLock and calls audit(),
// which takes auditLock; review() takes auditLock, then accountLock.
export class Vault {
  private accountLock = new Mutex();
  private auditLock = new Mutex();

  async deposit(n: number): Promise<void> {
    await this.accountLock.runExclusive(async () => {
      await this.audit(n); // expect: [lock-order] "'Vault.accountLock' then 'Vault.auditLock' via Vault.audit()"
    });
  }

  private async audit(n: number): Promise<number> {
    return this.auditLock.runExclusive(() => n);
  }

  async review(): Promise<void> {
    const release = await this.auditLock.acquire();
    try {
      await this.accountLock.runExclusive(() => 0); // expect-note: "'Vault.accountLock' taken while holding 'Vault.auditLock'"
    } finally {
      release();
    }
  }
}
