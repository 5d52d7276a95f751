// Near-misses a naive rule would flag.
// expect-none
const { lazy, Mutex } = require('@racelint/runtime');

let pool;
const cache = new Map();
const mutex = new Mutex();

class Store {
  client() {
    // the promise is stored: every caller awaits the same one
    if (!this.redisP) this.redisP = createClient().connect();
    return this.redisP;
  }

  schema() {
    this.schemaP ??= loadSchema(this.url);
    return this.schemaP;
  }

  token() {
    this.tokP = this.tokP || fetchToken();
    return this.tokP;
  }

  async load() {
    // claimed before the first await
    if (this.loading) return;
    this.loading = true;
    try {
      this.data = await fetchData();
    } finally {
      this.loading = false;
    }
  }

  async connect() {
    if (!this.conn) {
      this.conn = openConnection(this.url);
      await this.conn.ready;
    }
  }

  async exclusive() {
    return mutex.runExclusive(async () => {
      if (!this.db) this.db = await openDb();
      return this.db;
    });
  }

  async reset() {
    // not a lazy init: the check and the write are different slots
    if (!this.cache) this.misses = await countMisses();
  }

  async fail() {
    if (!this.client) throw new Error('not connected');
    await this.client.ping();
  }
}

async function localOnly(id) {
  let row;
  if (!row) row = await loadRow(id);
  const seen = new Map();
  if (!seen.has(id)) seen.set(id, await loadRow(id));
  return row;
}

async function unconditional(id) {
  // always written, no check: not lazy initialisation
  cache.set(id, await loadRow(id));
}

async function parameterSlot(opts) {
  opts.timeout ??= await defaultTimeout();
  return opts;
}

const getPool = lazy(() => createPool({ max: 10 }));

async function doubleChecked() {
  if (!pool) {
    const p = await createPool();
    if (!pool) pool = p;
    else await p.end();
  }
  return pool;
}

async function locked() {
  const release = await mutex.acquire();
  try {
    if (!pool) pool = await createPool();
    return pool;
  } finally {
    release();
  }
}

async function storedPromise(id) {
  if (!cache.has(id)) cache.set(id, fetchUser(id));
  return cache.get(id);
}

let parser;
let parserPromise = loadParser();

async function getParser() {
  // awaits the one promise every caller shares: nothing is created twice
  if (!parser) {
    parser = await parserPromise;
    parserPromise = null;
  }
  return parser;
}

// Module code runs once: no concurrent caller.
if (!pool) pool = createPoolSync();

module.exports = { Store, localOnly, unconditional, parameterSlot, getPool, doubleChecked,
  locked, storedPromise, getParser };
