// TypeScript: optional members, statics, private fields, non-null and casts.
import { MongoClient, Db } from 'mongodb';
import type { Redis } from 'ioredis';

let db: Db | undefined;
const sessions: Record<string, Session> = {};
const clients = new Map<string, Redis>();

export class Repo {
  private client?: MongoClient;
  private static instance: Repo | null = null;
  #conn: Connection | undefined;

  async getClient(): Promise<MongoClient> {
    if (!this.client) {
      this.client = await MongoClient.connect(this.url); // expect: [lazy-init-race] "'this.client'"
    }
    return this.client!;
  }

  static async get(): Promise<Repo> {
    if (Repo.instance === null) {
      // expect-next-line: lazy-init-race
      Repo.instance = await Repo.create();
    }
    return Repo.instance;
  }

  async conn(): Promise<Connection> {
    this.#conn ??= await openConnection(); // expect: [lazy-init-race] "'this.#conn'"
    return this.#conn;
  }

  async settings(): Promise<Settings> {
    if (this.cached !== undefined) return this.cached;
    const s = (await fetchSettings()) as Settings;
    this.cached = s; // expect: [lazy-init-race]
    return s;
  }

  private cached?: Settings;
  constructor(private readonly url: string) {}
}

export async function getDb(): Promise<Db> {
  if (typeof db === 'undefined') {
    const client = await MongoClient.connect(process.env.URL!);
    db = client.db(); // expect: [lazy-init-race] "'db'"
  }
  return db;
}

export async function session(id: string): Promise<Session> {
  if (!(id in sessions)) {
    sessions[id] = await Session.load(id); // expect: [lazy-init-race]
  }
  return sessions[id];
}

export async function redisFor(tenant: string): Promise<Redis> {
  const existing = clients.get(tenant);
  if (clients.get(tenant) === undefined) {
    clients.set(tenant, await connectRedis(tenant)); // expect: [lazy-init-race] "'clients[tenant]'"
  }
  return existing ?? clients.get(tenant)!;
}

export const token = async (): Promise<string> => {
  globalThis.__token ||= await issueToken(); // expect: [lazy-init-race]
  return globalThis.__token;
};
