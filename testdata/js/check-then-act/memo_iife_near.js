// expect-none: racelint:recommended; racelint:strict reports the fields storing another value (memo_iife_near_strict/)
// Near-misses of memo_iife.js: each call starts a run of its own.

class Probe {
  constructor(db) {
    this.db = db;
    this.settings = { version: 0 };
    this.probing = null;
  }

  // stored without a test: every call replaces the pending run
  async versionEveryTime() {
    this.probing = (async () => {
      if (this.settings.version === 0) {
        const v = await this.db.serverVersion();
        this.settings.version = v || 1; // racelint:strict only (memo_iife_near_strict/): a field storing another value
      }
    })();
    await this.probing;
  }

  // awaited in place, not stored
  async versionAwaited() {
    await (async () => {
      if (this.settings.version === 0) {
        const v = await this.db.serverVersion();
        this.settings.version = v || 1; // racelint:strict only (memo_iife_near_strict/): a field storing another value
      }
    })();
  }
}

module.exports = { Probe };
