// Near-miss of session.js: Driver#createRunner returns a fresh Runner, but
// app.js keeps what it returns in a field and shares it between calls.
class Runner {
  async query(sql) {
    if (!this.conn) {
      this.conn = await openConn(); // expect: [lazy-init-race] "'this.conn'"
    }
    return this.conn.run(sql);
  }
}

async function openConn() { return { run: async (s) => s }; }

module.exports = Runner;
