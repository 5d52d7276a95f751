// TypeScript: types, generics, non-null, `as`, private fields and statics.
import { promises as fsp, existsSync, writeFileSync } from 'fs';
import type { Db } from './db';

interface Account { id: string; balance: number; version: number }

let inFlight = 0;
const MAX_IN_FLIGHT = 8;

export class Ledger {
  private readonly balances = new Map<string, number>();
  #reserved = 0;
  static openCount = 0;

  constructor(private readonly db: Db, private readonly limit: number) {}

  async withdraw(id: string, amount: number): Promise<void> {
    const acct = (await this.db.getAccount(id)) as Account;
    if (acct.balance < amount) throw new Error('insufficient funds');
    await this.db.saveAccount(id, { ...acct, balance: acct.balance - amount }); // racelint:strict only (state_strict/): a store's get/set pair
  }

  async debit(id: string, amount: number): Promise<boolean> {
    const current = this.balances.get(id)!;
    if (current < amount) return false;
    await this.db.log<string>(id);
    this.balances.set(id, current - amount); // expect: [check-then-act]
    return true;
  }

  async reserve(n: number): Promise<void> {
    if (this.#reserved + n <= this.limit) {
      await this.db.ping();
      this.#reserved += n; // expect: [check-then-act] "'this.#reserved'"
    }
  }

  static async open(db: Db): Promise<void> {
    if (Ledger.openCount < 3) {
      await db.connect();
      Ledger.openCount++; // expect: [check-then-act] "'Ledger.openCount'"
    }
  }

  async user(id: string): Promise<void> {
    const u = await this.db.findUser(id);
    if (!u?.active) return;
    await this.db.saveUser(id, { active: false }); // racelint:strict only (state_strict/): a store's get/set pair
  }
}

export async function limited<T>(fn: () => Promise<T>): Promise<T | undefined> {
  if (inFlight >= MAX_IN_FLIGHT) return undefined;
  const token = await acquireToken();
  inFlight++; // expect: [check-then-act] "'inFlight'"
  try {
    return await fn();
  } finally {
    inFlight--;
    release(token);
  }
}

export function createMarker(p: string): void {
  if (!existsSync(p)) writeFileSync(p, ''); // expect: [check-then-act] "'writeFileSync' acts on 'p'"
}

export async function readJson<T>(p: string): Promise<T | null> {
  const st = await fsp.stat(p).catch(() => null);
  if (!st?.isFile()) return null;
  // a failed read reaches the caller: not reported (read_after_check.js)
  return JSON.parse(await fsp.readFile(p, 'utf8')) as T;
}

export async function redeem(prisma: PrismaClient, id: string, cost: number): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user || user.points < cost) throw new Error('not enough points');
  await prisma.user.update({ where: { id }, data: { points: user.points - cost } }); // racelint:strict only (state_strict/): a store's get/set pair
}

export async function transferQuota(db: Db, user: string, n: number): Promise<void> {
  const q = await db.loadQuota(user);
  if (q.left >= n) await db.storeQuota(user, { left: q.left - n }); // racelint:strict only (state_strict/): a store's get/set pair
}
