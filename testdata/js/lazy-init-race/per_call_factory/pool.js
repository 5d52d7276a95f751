// Near-miss: the same lazy initialisation, but registry.js keeps one Pool
// for every caller, so two calls can both connect.
class Pool {
  async connection() {
    if (!this.conn) {
      this.conn = await openConnection(); // expect: [lazy-init-race] "'this.conn'"
    }
    return this.conn;
  }
}

async function openConnection() { return {}; }

module.exports = Pool;
