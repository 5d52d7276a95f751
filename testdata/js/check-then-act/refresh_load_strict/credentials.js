// Under racelint:strict a refresh that stores a loaded value is reported
// again (by lazy-init-race, which explains a refresh best: one finding per
// line per cause).
export class Credentials {
  async current() {
    if (this.token == null || this.token.expiresAt < Date.now()) {
      this.token = await this._getToken(); // expect: [lazy-init-race] "this.token"
    }
    return this.token.value;
  }

  async _getToken() { return { value: 1, expiresAt: Date.now() + 1000 }; }
}
