// Lazy initialisation that stores the value of an await: two concurrent
// callers both find the slot empty and both create the resource.
const { createClient } = require('redis');

let pool;
let config = null;
const cache = new Map();
const byId = {};

class Store {
  async client() {
    if (!this.redis) {
      this.redis = await createClient().connect(); // expect: [lazy-init-race] "another call can run between the check at line 12 and the write at line 13"
    }
    return this.redis;
  }

  async connection() {
    if (this.conn) return this.conn;
    const conn = await openConnection(this.url);
    this.conn = conn; // expect: [lazy-init-race] "'this.conn'"
    return conn;
  }

  async schema() {
    this.schemaDoc ??= await loadSchema(this.url); // expect: [lazy-init-race] "'this.schemaDoc'"
    return this.schemaDoc;
  }

  async token() {
    this.tok = this.tok || await fetchToken(); // expect: [lazy-init-race]
    return this.tok;
  }

  static async shared() {
    if (Store.instance === undefined) {
      const s = new Store();
      await s.client();
      Store.instance = s; // expect: [lazy-init-race] "'Store.instance'"
    }
    return Store.instance;
  }
}

async function getPool() {
  if (!pool) { // expect-note: "checked here"
    pool = await createPool({ max: 10 }); // expect: [lazy-init-race]
  }
  return pool;
}

async function getConfig() {
  if (config == null) config = await readConfig(); // expect: [lazy-init-race] "'config'"
  return config;
}

async function getUser(id) {
  if (!cache.has(id)) {
    const user = await fetchUser(id);
    cache.set(id, user); // expect: [lazy-init-race] "'cache[id]'"
  }
  return cache.get(id);
}

async function getRow(id) {
  if (!byId[id]) byId[id] = await loadRow(id); // expect: [lazy-init-race] "'byId[id]'"
  return byId[id];
}

async function getReady() {
  if (!this.ready || !this.ready.isOpen) {
    this.ready = await connect(); // expect: [lazy-init-race]
  }
  return this.ready;
}

class Tokens {
  async token() {
    if (this.tok && this.tok.expires > Date.now()) return this.tok.value;
    const fresh = await refreshToken();
    this.tok = fresh; // expect: [lazy-init-race] "'this.tok'"
    return fresh.value;
  }
}

module.exports = { Tokens, Store, getPool, getConfig, getUser, getRow, getReady };
