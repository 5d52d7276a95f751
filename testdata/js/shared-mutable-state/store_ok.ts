// TypeScript near-misses: none of these lose an update.
// expect-none
import { Mutex, withLocks, singleFlight } from '@racelint/runtime';
import { fetchPrice, persist, loadProfile } from './api';

let revenue = 0;
let sequence: number = 0;
const profiles = new Map<string, Promise<unknown>>();
const seen = new Map<string, number>();
const lock = new Mutex();

export class Cart {
  private total = 0;
  static instances = 0;

  // An instance field is per object, not module state.
  async add(sku: string): Promise<void> {
    this.total = this.total + (await fetchPrice(sku));
  }

  // Static, but no await between read and write.
  static async created(): Promise<void> {
    this.instances++;
    await persist(this.instances);
  }
}

// Plain increments with no await in between.
export async function hit(sku: string): Promise<void> {
  seen.set(sku, (seen.get(sku) ?? 0) + 1);
  await persist(sku);
}

// The promise is stored before anything is awaited.
export function profile(id: string): Promise<unknown> {
  let p = profiles.get(id);
  if (!p) {
    p = loadProfile(id);
    profiles.set(id, p);
  }
  return p;
}

// Guarded by the runtime's Mutex / withLocks / singleFlight.
export async function record(sku: string): Promise<void> {
  await lock.runExclusive(async () => {
    revenue = revenue + (await fetchPrice(sku));
  });
}

export async function recordBoth(sku: string): Promise<void> {
  await withLocks([lock], async () => {
    sequence += await fetchPrice(sku);
  });
}

export async function once(id: string): Promise<unknown> {
  return singleFlight(id, async () => {
    const n = sequence;
    await persist(n);
    sequence = n + 1;
  });
}

// The write re-reads the current value after the await.
export async function bump(sku: string): Promise<void> {
  const delta: number = await fetchPrice(sku);
  revenue = revenue + delta;
}

// Generic parameter with the same name as the module variable.
export async function shadow<T>(revenue: number, x: T): Promise<number> {
  revenue = revenue + (await fetchPrice(String(x)));
  return revenue;
}

// The local is reassigned from a fresh read after the await.
export async function refreshed(): Promise<void> {
  let n = sequence;
  await persist(n);
  n = sequence;
  sequence = n + 1;
}

// Results collected after the concurrent part, not inside it.
export async function totalOf(skus: string[]): Promise<number> {
  let sum = 0;
  const prices = await Promise.all(skus.map(async (s) => fetchPrice(s)));
  for (const p of prices) sum += p;
  return sum;
}
