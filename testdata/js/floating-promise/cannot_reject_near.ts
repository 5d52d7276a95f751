// Near-misses of cannot_reject.ts: each callee can still reject.

class Pump {
  sink: any;
  out: any;

  // the executor calls reject
  pause(ms: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (ms < 0) reject(new Error('negative'));
      setTimeout(resolve, ms);
    });
  }

  // the reject parameter is handed on
  drained(stream: any): Promise<unknown> {
    return new Promise((resolve, fail) => {
      stream.once('drain', resolve);
      stream.once('error', fail);
    });
  }

  // resolve adopts a promise that can reject
  relay(url: string): Promise<unknown> {
    return new Promise((resolve) => resolve(fetch(url)));
  }

  // the catch rethrows
  async flushLoudly() {
    try {
      await this.sink.flush();
    } catch (err) {
      throw new Error(`flush: ${err.message}`);
    }
  }

  // the try covers only part of the body
  async flushHalf() {
    try {
      await this.sink.flush();
    } catch (err) {
      console.error(err);
    }
    await this.sink.sync();
  }

  // the finally awaits before it exits
  async shutdown() {
    try {
      await this.sink.close();
    } finally {
      await this.sink.report();
      process.exit(0);
    }
  }

  // the returned chain's catch handler returns a call
  reload(): Promise<unknown> {
    return this.sink.reopen().catch((err) => this.recover(err));
  }

  // one return cannot reject, the other can
  open(fast: boolean): Promise<unknown> {
    if (fast) return new Promise((resolve) => setImmediate(resolve));
    return this.sink.open();
  }

  // awaits something that can reject, outside a try
  async settle() {
    await this.pause(5);
    await this.flushHalf();
  }

  tick() {
    // expect: [floating-promise] "'pause'"
    this.pause(10);
    // expect: [floating-promise] "'drained'"
    this.drained(this.out);
    // expect: [floating-promise] "'relay'"
    this.relay('http://example.invalid/');
    // expect: [floating-promise] "'flushLoudly'"
    this.flushLoudly();
    // expect: [floating-promise] "'flushHalf'"
    this.flushHalf();
    // expect: [floating-promise] "'shutdown'"
    this.shutdown();
    // expect: [floating-promise] "'reload'"
    this.reload();
    // expect: [floating-promise] "'open'"
    this.open(true);
    // expect: [floating-promise] "'settle'"
    this.settle();
  }
}
