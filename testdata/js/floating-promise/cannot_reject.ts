// Callees whose promise cannot reject: dropping it loses nothing.
// (racelint:strict reports them: cannot_reject_strict/.)

class Pump {
  sink: any;
  out: any;

  // a one-parameter executor that only resolves
  pause(ms: number): Promise<unknown> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  // reject is named but never used
  drained(stream: any): Promise<unknown> {
    return new Promise((resolve, _reject) => {
      stream.once('drain', () => resolve(true));
    });
  }

  // every await inside a try whose catch does not rethrow
  async flushQuietly(): Promise<void> {
    try {
      await this.sink.flush();
      await this.sink.sync();
    } catch (err) {
      console.error('flush failed', err);
    }
  }

  // a try whose finally ends the process
  async shutdown() {
    try {
      await this.sink.close();
    } finally {
      process.exit(0);
    }
  }

  // a returned chain that ends in a catch that cannot reject
  reload(): Promise<unknown> {
    return this.sink.reopen().catch((err) => console.warn(err));
  }

  // awaits only what cannot reject
  async settle() {
    await this.pause(5);
    await this.reload();
  }

  tick() {
    // expect-none
    this.pause(10);
    this.drained(this.out);
    this.flushQuietly();
    this.shutdown();
    this.reload();
    this.settle();
    this.pause(10).then(() => console.log('resumed'));
  }
}

function waitFor(emitter: any, name: string): Promise<void> {
  return new Promise((resolve) => emitter.once(name, resolve));
}

const later = (): Promise<void> => new Promise((done) => setImmediate(done));

export function start(emitter: any) {
  // expect-none
  waitFor(emitter, 'ready');
  later();
  return new Pump();
}
