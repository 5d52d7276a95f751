// TypeScript: types, generics, `as` and non-null do not hide the writes.
import { PrismaClient } from '@prisma/client';
import { promises as fsp } from 'fs';

interface Line { sku: string; qty: number }
const prisma = new PrismaClient();

export class OrderService {
  constructor(private readonly repo: Repo<Line>) {}

  async saveLines(lines: Line[]): Promise<void> {
    await Promise.all(lines.map((l: Line) => this.repo.save(l))); // expect: [promise-all-mutation]
  }

  async persist(order: Order): Promise<[Order, void]> {
    return Promise.all([ // expect: [promise-all-mutation] "this.repo.create"
      this.repo.create(order) as Promise<Order>,
      this.repo.updateStock(order.lines!),
    ]);
  }

  async remove(ids: readonly string[]): Promise<void> {
    await Promise.all<void>(ids.map(async (id): Promise<void> => { // expect: [promise-all-mutation]
      await prisma.order.delete({ where: { id } });
    }));
  }

  async patchAll(ids: string[], patch: Partial<Line>): Promise<unknown[]> {
    return Promise.all(ids.map((id) => this.http.patch(`/lines/${id}`, patch))); // expect: [promise-all-mutation]
  }

  private http!: Http;
}

export async function writeReports(reports: Map<string, string>): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const [path, text] of reports) jobs.push(fsp.writeFile(path, text));
  await Promise.all(jobs); // expect: [promise-all-mutation]
}

export async function notify(users: User[], mailer: Mailer): Promise<void> {
  await Promise.all(users.map((u) => mailer.sendMail({ to: u.email }))); // expect: [promise-all-mutation]
}

export async function upsertMany(rows: Row[]): Promise<void> {
  try {
    await Promise.all(rows.map((r) => prisma.row.upsert({ where: { id: r.id }, create: r, update: r }))); // expect: [promise-all-mutation]
  } catch (e: unknown) {
    logger.error({ e }, 'upsert failed');
    throw new Error('upsert failed', { cause: e });
  }
}

export const publishAll = async (events: Event[]): Promise<void> => {
  await Promise.all(events.map((e) => bus.publish(e.topic, e))); // expect: [promise-all-mutation]
};
