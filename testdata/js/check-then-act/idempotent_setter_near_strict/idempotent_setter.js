// idempotent_setter.js under racelint:strict: the idempotent setter, the
// store's get/set pair and the fields storing another value are reported.
export class Session {
  constructor(conn) {
    this.conn = conn;
    this.schema = null;
    this.state = 'new';
    this.level = 0;
  }

  async useSchema(schema) {
    if (!schema || this.schema === schema) return;
    await this.conn.query(`SET search_path TO ${schema}`);
    this.schema = schema; // expect: [check-then-act] "'this.schema'"
  }

  // near-miss: the parameter is reassigned, so the write stores another value
  async useNormalisedSchema(schema) {
    if (this.schema === schema) return;
    schema = schema.toLowerCase();
    await this.conn.query(`SET search_path TO ${schema}`);
    this.schema = schema; // expect: [check-then-act] "'this.schema'"
  }

  // near-miss: a constant target guards a one-off job that two
  // overlapping calls both run
  async start() {
    if (this.state === 'started') return;
    await this.conn.query('LISTEN jobs');
    this.state = 'started'; // expect: [check-then-act] "'this.state'"
  }

  async migrate(store) {
    const level = await store.getLevel(this.conn.id);
    if (level >= 3) return;
    await this.conn.query('ALTER TABLE jobs ADD COLUMN owner text');
    await store.setLevel(this.conn.id, 3); // expect: [check-then-act] "'store.setLevel' writes what 'store.getLevel' read"
  }

  // near-miss: the write stores something other than what was compared
  async bump(target) {
    if (this.level >= target) return;
    await this.conn.query('SELECT 1');
    this.level = target + 1; // expect: [check-then-act] "'this.level'"
  }

  // a clear after a presence test (`=== void 0` is undefined): no value
  // from the stale read is stored
  async release() {
    if (this.conn.token === void 0) return;
    await this.conn.query('UNLISTEN *');
    this.conn.token = void 0; // not reported
  }
}
