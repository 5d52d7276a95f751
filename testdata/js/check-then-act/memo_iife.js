// An async function expression called in place and kept as the pending
// promise that every caller awaits: it runs once at a time, so its own
// check and write cannot interleave with another run of it.

class Probe {
  constructor(db) {
    this.db = db;
    this.settings = { version: 0 };
    this.probing = null;
  }

  async version() {
    if (!this.probing) {
      this.probing = (async () => {
        try {
          if (this.settings.version === 0) {
            const v = await this.db.serverVersion();
            this.settings.version = v || 1;
          }
        } finally {
          this.probing = null;
        }
      })();
    }
    await this.probing;
    return this.settings.version;
  }

  async versionShared() {
    this.probing ??= (async () => {
      if (this.settings.version === 0) {
        const v = await this.db.serverVersion();
        this.settings.version = v || 1;
      }
    })().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }
}

module.exports = { Probe };
// expect-none
