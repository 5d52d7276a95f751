// A method that initialises after awaits is safe when every call of it
// stores the pending promise for later callers (a promise used as a lock,
// one method up). The same method called directly somewhere else is not.
declare function openTopology(): Promise<object>;
declare function readCa(): Promise<string>;

export class Client {
  topology?: object;
  connectionLock?: Promise<this>;
  ca?: string;

  async connect(): Promise<this> {
    if (this.connectionLock) return await this.connectionLock;
    try {
      this.connectionLock = this._connect();
      await this.connectionLock;
    } finally {
      this.connectionLock = undefined;
    }
    return this;
  }

  private async _connect(): Promise<this> {
    if (this.topology) return this;
    this.ca = await readCa();
    this.topology = await openTopology();
    return this;
  }
}

export class Pool {
  conn?: object;
  pending?: Promise<object>;

  get(): Promise<object> {
    return (this.pending ??= this.open().finally(() => { this.pending = undefined; }));
  }

  private async open(): Promise<object> {
    if (!this.conn) this.conn = await openTopology();
    return this.conn;
  }
}

export class Leaky {
  conn?: object;
  pending?: Promise<object>;

  get(): Promise<object> {
    return (this.pending ??= this.open());
  }

  async reset(): Promise<void> {
    await this.open(); // a second caller that shares nothing
  }

  private async open(): Promise<object> {
    if (!this.conn) this.conn = await openTopology(); // expect: [lazy-init-race] "'this.conn'"
    // expect-note@-1: "checked here"
    return this.conn;
  }
}

export class Untested {
  conn?: object;
  pending?: Promise<object>;

  get(): Promise<object> {
    this.pending = this.open(); // not tested first: every call starts another
    return this.pending;
  }

  private async open(): Promise<object> {
    if (!this.conn) this.conn = await openTopology(); // expect: [lazy-init-race] "'this.conn'"
    // expect-note@-1: "checked here"
    return this.conn;
  }
}
