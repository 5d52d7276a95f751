// Near-misses in TypeScript.
// expect-none
import { settleAll, SettleAllError } from '@racelint/runtime';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function inPrismaTransaction(ids: string[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await Promise.all(ids.map((id) => tx.order.delete({ where: { id } })));
  });
}

export async function withTransactionHelper(db: Db, rows: Row[]): Promise<void> {
  await db.withTransaction(async (session: Session) => {
    await Promise.all(rows.map((r) => db.rows.insertOne(r, { session })));
  });
}

export async function loadAll(ids: string[]): Promise<Row[]> {
  return Promise.all(ids.map((id): Promise<Row> => prisma.row.findUniqueOrThrow({ where: { id } })));
}

export async function settledTs(rows: Row[]): Promise<void> {
  try {
    await settleAll(rows.map((r) => prisma.row.create({ data: r })));
  } catch (err) {
    if (err instanceof SettleAllError) report(err.failures);
  }
}

export async function allSettledTs(rows: Row[]): Promise<PromiseSettledResult<Row>[]> {
  return Promise.allSettled(rows.map((r) => prisma.row.create({ data: r })));
}

export async function undoOnFailure(rows: Row[]): Promise<void> {
  const created: string[] = [];
  try {
    await Promise.all(rows.map(async (r) => { created.push((await prisma.row.create({ data: r })).id); }));
  } catch (err) {
    await prisma.row.deleteMany({ where: { id: { in: created } } });
    throw err;
  }
}

export async function computeOnly(xs: number[]): Promise<number[]> {
  return Promise.all(xs.map(async (x) => x * 2));
}

export async function typedReads(a: Api): Promise<[User, Order[]]> {
  return Promise.all([a.getUser() as Promise<User>, a.listOrders()!]);
}

export async function perItemCatch(rows: Row[]): Promise<void> {
  await Promise.all(rows.map((r) => prisma.row.update({ where: { id: r.id }, data: r }).catch(onFail)));
}

export async function headers(reqs: Request[]): Promise<Response[]> {
  // Headers.set is synchronous: the awaited operation is a GET.
  return Promise.all(reqs.map(async (req) => {
    req.headers.set('x-trace', trace());
    return fetch(req, { method: 'GET' });
  }));
}
