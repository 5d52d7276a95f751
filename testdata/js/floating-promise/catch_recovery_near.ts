// Near-misses of catch_recovery.ts: each callee can still reject.

class Outbox {
  store: any;
  net: any;

  // the catch clause rethrows after its await
  async drainLoud(): Promise<void> {
    try {
      await this.net.post(await this.store.first());
    } catch (err) {
      await this.store.park();
      throw err;
    }
  }

  // the catch returns a call of another method (a retry elsewhere)
  async refreshOther(): Promise<void> {
    try {
      await this.net.handshake();
    } catch (err) {
      return await this.reconnect();
    }
  }

  async reconnect(): Promise<void> {
    await this.net.open();
  }

  // the recursive call's argument calls the network
  async refreshArg(): Promise<void> {
    try {
      await this.net.handshake();
    } catch (err) {
      return await this.refreshWith(await this.net.probe());
    }
  }

  async refreshWith(x: unknown): Promise<void> {
    try {
      await this.net.handshake(x);
    } catch (err) {
      return this.refreshWith(this.net.next());
    }
  }

  // an await after the try/catch, outside both
  async drainThenSync(): Promise<void> {
    try {
      await this.net.post(1);
    } catch (err) {
      await this.store.park();
    }
    await this.store.sync();
  }

  kick(): void {
    this.drainLoud(); // expect: [floating-promise] "'drainLoud'"
    this.refreshOther(); // expect: [floating-promise] "'refreshOther'"
    this.refreshArg(); // expect: [floating-promise] "'refreshArg'"
    this.refreshWith(0); // expect: [floating-promise] "'refreshWith'"
    this.drainThenSync(); // expect: [floating-promise] "'drainThenSync'"
  }
}

// clearTimeout here is the file's own function, which may throw
function clearTimeout(t: number): void {
  if (t < 0) throw new Error('bad timer');
}

async function settle(o: { t: number; sink: any }): Promise<void> {
  clearTimeout(o.t);
  await Promise.resolve();
  try {
    await o.sink.close();
  } catch (err) {
    console.error(err);
  }
}

function later(o: { t: number; sink: any }): void {
  settle(o); // expect: [floating-promise] "'settle'"
}

export { Outbox, later };
