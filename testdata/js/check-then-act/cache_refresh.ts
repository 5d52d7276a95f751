// A cache lookup whose hit path returns what the miss path refills: two
// overlapping misses both fetch and store equal values (a duplicate
// request, no lost update). Not reported; the near-misses below are.
type Key = { id: string; pem: string };

const TTL_MS = 600_000;

export class KeyStore {
  private keys: { list: Key[] } = { list: [] };
  private fetchedAt = 0;
  private state = 'idle';

  constructor(private readonly url: string) {}

  async key(id: string): Promise<Key> {
    let key = this.keys.list.find((k) => k.id === id);
    if (key && this.fetchedAt + TTL_MS > Date.now()) {
      return key;
    }
    const res = await fetch(`${this.url}/keys.json`);
    const body = (await res.json()) as { list: Key[] };
    this.keys = body;
    this.fetchedAt = Date.now(); // a refill: not reported
    key = body.list.find((k) => k.id === id);
    if (!key) throw new Error(`no key ${id}`);
    return key;
  }

  // near-miss: the hit path returns nothing, and the write moves a state
  // the check tested to another value: a stop() during the await is undone
  async reload(): Promise<void> {
    if (this.state !== 'stale') return;
    await fetch(`${this.url}/keys.json`);
    this.state = 'fresh'; // expect: [check-then-act] "'this.state' is changed after an await"
  }

  // near-miss: the returned local does not come from the state refilled
  async keyCount(fallback: Key[]): Promise<number> {
    const local = fallback.length;
    if (this.fetchedAt + TTL_MS > Date.now()) return local;
    await fetch(`${this.url}/ping`);
    this.fetchedAt = this.fetchedAt + 1; // expect: [check-then-act] "'this.fetchedAt' is changed after an await"
    return local;
  }
}
