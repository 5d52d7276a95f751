// idempotent_setter.js's setter under racelint:strict: reported.
export class Session {
  constructor(conn) {
    this.conn = conn;
    this.schema = null;
  }

  async useSchema(schema) {
    if (this.schema === schema) return;
    await this.conn.query(`SET search_path TO ${schema}`);
    this.schema = schema; // expect: [check-then-act] "'this.schema'"
  }
}
