// Near-misses in TypeScript.
// expect-none
import { Mutex, withLocks } from '@racelint/runtime';
import { PrismaClient } from '@prisma/client';
import { promises as fsp } from 'fs';

const prisma = new PrismaClient();
const mutex = new Mutex();

export class Ledger {
  private readonly balances = new Map<string, number>();
  private busy = false;

  async prismaTx(id: string, amount: number): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const acct = await tx.account.findUniqueOrThrow({ where: { id } });
      if (acct.balance < amount) throw new Error('insufficient');
      await tx.account.update({ where: { id }, data: { balance: acct.balance - amount } });
    });
  }

  async atomicUpdate(id: string, amount: number): Promise<boolean> {
    // one conditional statement in the database: nothing to interleave
    const res = await prisma.account.updateMany({
      where: { id, balance: { gte: amount } },
      data: { balance: { decrement: amount } },
    });
    return res.count === 1;
  }

  async casVersion(id: string, amount: number): Promise<void> {
    const acct = await prisma.account.findUniqueOrThrow({ where: { id } });
    if (acct.balance < amount) throw new Error('insufficient');
    await prisma.account.update({ where: { id, version: acct.version }, data: { balance: acct.balance - amount } });
  }

  async locked(id: string, amount: number): Promise<void> {
    await withLocks([mutex], async () => {
      const b = this.balances.get(id) ?? 0;
      if (b < amount) return;
      await this.audit(id);
      this.balances.set(id, b - amount);
    });
  }

  async exclusive(id: string, amount: number): Promise<void> {
    await mutex.runExclusive(async (): Promise<void> => {
      if ((this.balances.get(id) ?? 0) >= amount) {
        await this.audit(id);
        this.balances.set(id, (this.balances.get(id) ?? 0) - amount);
      }
    });
  }

  async guard(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    await this.audit('guard');
    this.busy = false;
  }

  async syncUpdate(id: string, amount: number): Promise<void> {
    const b = this.balances.get(id) ?? 0;
    if (b >= amount) this.balances.set(id, b - amount);
    await this.audit(id);
  }

  async readOnly(id: string): Promise<number> {
    const b = this.balances.get(id) ?? 0;
    if (b < 0) await this.audit(id);
    return b;
  }

  private async audit(id: string): Promise<void> {
    await prisma.audit.create({ data: { id } });
  }
}

export async function tmpFile(dir: string, data: string): Promise<string> {
  const p = `${dir}/tmp-${process.pid}`;
  await fsp.writeFile(p, data, { flag: 'wx' });
  return p;
}

export async function mkdirp(dir: string): Promise<void> {
  const st = await fsp.stat(dir).catch(() => null);
  if (!st) await fsp.mkdir(dir, { recursive: true });
}
