// Near-misses in TypeScript.
// expect-none
import { lazy, once, Mutex } from '@racelint/runtime';
import { MongoClient, Db } from 'mongodb';

let dbPromise: Promise<Db> | undefined;
const mutex = new Mutex();
const inflight = new Map<string, Promise<User>>();

export class Repo {
  private clientP?: Promise<MongoClient>;
  private client?: MongoClient;
  private static instanceP: Promise<Repo> | null = null;

  getClient(): Promise<MongoClient> {
    this.clientP ??= MongoClient.connect(this.url);
    return this.clientP;
  }

  static get(): Promise<Repo> {
    if (!Repo.instanceP) {
      Repo.instanceP = Repo.create().catch((e: unknown) => {
        Repo.instanceP = null; // reset on failure
        throw e;
      });
    }
    return Repo.instanceP;
  }

  async withMutex(): Promise<MongoClient> {
    return mutex.runExclusive(async () => {
      if (!this.client) this.client = await MongoClient.connect(this.url);
      return this.client;
    });
  }

  async close(): Promise<void> {
    // a check and a clean-up, not an initialisation
    if (this.client) {
      await this.client.close();
      this.client = undefined;
    }
  }

  constructor(private readonly url: string) {}
}

export function getDb(): Promise<Db> {
  if (!dbPromise) dbPromise = MongoClient.connect(process.env.URL!).then((c) => c.db());
  return dbPromise;
}

export const getCache = lazy(async () => {
  const c = await createCache();
  return c;
});

export const init = once(async () => {
  let ready: boolean | undefined;
  if (!ready) ready = await warmUp();
  return ready;
});

export function user(id: string): Promise<User> {
  let p = inflight.get(id);
  if (!p) {
    p = loadUser(id).finally(() => inflight.delete(id));
    inflight.set(id, p);
  }
  return p;
}

export async function perCall(id: string): Promise<User> {
  const local: Record<string, User> = {};
  if (!local[id]) local[id] = await loadUser(id);
  return local[id];
}

export async function nullishDefault(opts: { retries?: number }): Promise<number> {
  const retries = opts.retries ?? (await defaultRetries());
  return retries;
}
