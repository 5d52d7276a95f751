// `this` of an object made for one call is not shared: a class of this
// file, not exported, instantiated only into a function's local variable.
// Exported, stored at module level or in a field, it is shared again.
import { connect } from './db.js';

class Job {
  constructor(req) { this.req = req; }
  async conn() {
    if (!this.connection) this.connection = await connect(this.req.db);
    return this.connection;
  }
}

export async function handle(req) {
  const job = new Job(req);
  const c = await job.conn();
  return c.query(req.sql);
}

class Session {
  async conn() {
    if (!this.connection) this.connection = await connect('main'); // expect: [lazy-init-race] "'this.connection'"
    // expect-note@-1: "checked here"
    return this.connection;
  }
}

const shared = new Session(); // one instance for every caller
export const query = async (sql) => (await shared.conn()).query(sql);

class Worker {
  async conn() {
    if (!this.connection) this.connection = await connect('w'); // expect: [lazy-init-race] "'this.connection'"
    // expect-note@-1: "checked here"
    return this.connection;
  }
}

export class Pool {
  constructor() { this.worker = null; }
  async run(sql) {
    const w = new Worker();
    this.worker = w; // the instance outlives the call: shared, reported
    return (await w.conn()).query(sql);
  }
}

class Task {
  async conn() {
    if (!this.connection) this.connection = await connect('t'); // expect: [lazy-init-race] "'this.connection'"
    // expect-note@-1: "checked here"
    return this.connection;
  }
}

export function taskClass() {
  const t = new Task();
  t.ready = true;
  return Task; // the class is named outside `new`: shared, reported
}
