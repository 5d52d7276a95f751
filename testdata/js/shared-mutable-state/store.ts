// TypeScript: module-level and class static state, with types in the way.
import { fetchPrice, persist, fetchRate, loadProfile } from './api';

interface Stats { requests: number; bytes: number; }

let revenue: number = 0;
let sequence = 0;
const stats: Stats = { requests: 0, bytes: 0 };
const rates = new Map<string, number>();
const profiles: Record<string, unknown> = {};

export async function record(sku: string): Promise<void> {
  revenue = revenue + (await fetchPrice(sku)) as number; // expect: [shared-mutable-state] "'revenue'"
}

export async function countBytes(url: string): Promise<void> {
  stats.bytes += (await fetchPrice(url))!; // expect: [shared-mutable-state] "'stats.bytes'"
}

export async function allocate(): Promise<number> {
  const id: number = sequence;
  await persist(id);
  sequence = id + 1; // expect: [shared-mutable-state] "'sequence' is read into 'id'"
  return id;
}

export async function convert(cur: string): Promise<number> {
  const cached: number | undefined = rates.get(cur);
  if (cached !== undefined) return cached;
  const r = await fetchRate(cur);
  rates.set(cur, r); // expect: [shared-mutable-state] "'rates' is checked"
  return r;
}

export async function profile(id: string): Promise<unknown> {
  const known = profiles[id] as { at: number } | undefined;
  if (known !== undefined && known.at > Date.now() - 1000) return known;
  profiles[id] = await loadProfile(id); // expect: [shared-mutable-state] "'profiles' is checked"
  return profiles[id];
}

// Checked on the entry itself: lazy-init-race's early-return shape.
export async function profileDirect(id: string): Promise<unknown> {
  if (id in profiles && profiles[id] !== null) return profiles[id];
  profiles[id] = await loadProfile(id); // expect: [lazy-init-race]
  return profiles[id];
}

// The lazy-init shape (the fill inside the miss check) belongs to
// lazy-init-race; this rule stays quiet so it is reported once.
export async function profileOnce(id: string): Promise<unknown> {
  if (!(id in profiles)) {
    profiles[id] = await loadProfile(id); // expect: [lazy-init-race]
  }
  return profiles[id];
}

export class Metrics {
  static total = 0;
  static seen = new Map<string, number>();

  static async add(sku: string): Promise<void> {
    this.total = this.total + await fetchPrice(sku); // expect: [shared-mutable-state] "'this.total'"
  }

  static async addByName(sku: string): Promise<void> {
    Metrics.total += await fetchPrice(sku); // expect: [shared-mutable-state] "'Metrics.total'"
  }

  async addFromInstance(sku: string): Promise<void> {
    const before = Metrics.seen.get(sku) ?? 0;
    await persist(before);
    Metrics.seen.set(sku, before + 1); // expect: [shared-mutable-state] "read into 'before'"
  }
}

export const handler = async (req: { size: number }): Promise<void> => {
  stats.requests = stats.requests + (await persist(req.size), 1); // expect: [shared-mutable-state]
};

export async function countAll(urls: string[]): Promise<number> {
  let bytes: number = 0;
  await Promise.all(urls.map(async (u: string): Promise<void> => {
    bytes = bytes + (await fetchPrice(u)); // expect: [shared-mutable-state] "'bytes'"
  }));
  return bytes;
}
