// One finding per line per cause: a refresh after an await is reported by
// lazy-init-race only, not also by check-then-act.
export class TokenCache {
  constructor(fetchToken) {
    this.fetchToken = fetchToken;
    this.cached = null;
  }

  async get() {
    if (this.cached == null || this.cached.expires < Date.now()) {
      this.cached = await this.fetchToken(); // expect: [lazy-init-race] "'this.cached'"
      // expect-note@-2: "checked here"
    }
    return this.cached.value;
  }
}
