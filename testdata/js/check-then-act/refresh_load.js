// A refresh that stores what a read-like load returned: two overlapping
// calls both load and store an equal value (a token, a description, a
// module). Not reported by check-then-act in racelint:recommended.
export class Credentials {
  constructor(source) {
    this.source = source;
    this.token = null;
  }

  async current() {
    if (this.token == null || this.token.expiresAt < Date.now()) {
      this.token = await this._getToken(); // not reported
    }
    return this.token.value;
  }

  async describe(id) {
    if (this.info == null || this.info.loadedAt < Date.now() - 60000) {
      this.info = await this.source.describeNode(id); // not reported
    }
    return this.info;
  }

  async helper() {
    if (this.mod == null || this.mod.loadedAt < Date.now() - 60000) {
      this.mod = await import('./helper-v2.js'); // not reported
    }
    return this.mod;
  }

  async _getToken() { return this.source.read(); }
}

// near-misses: the loaded value is a resource, or the value is not a load
export class Pool {
  async connection() {
    if (this.link == null || this.link.idleSince < Date.now() - 60000) {
      this.link = await this.driver.getConnection(); // racelint:strict only (refresh_load_near_strict/): a field storing another value
    }
    return this.link;
  }

  async session() {
    if (this.current == null || this.current.expiresAt < Date.now()) {
      this.current = await this.api.getSession(); // racelint:strict only (refresh_load_near_strict/): a field storing another value
    }
    return this.current;
  }

  async bump() {
    if (this.count == null || this.count < 10) {
      this.count = await this.compute(this.count); // expect: [check-then-act] "this.count"
    }
    return this.count;
  }

  async compute(n) { return (n || 0) + 1; }
}
