// Near-misses of settled_chain.js: the chain can reject.
class Runner {
  kick(cb) {
    // the callback returns a promise that can reject: the chain adopts it
    Promise.resolve().then(() => { // expect: [floating-promise] ".then() chain"
      return this.flush();
    });
    // an expression-bodied callback that calls something
    Promise.resolve().then(() => this.flush()); // expect: [floating-promise] ".then() chain"
    // Promise.all rejects when one of them does
    Promise.all(this.jobs).then((r) => { this.n = r.length; }); // expect: [floating-promise] ".then() chain"
    // the callback throws
    Promise.allSettled(this.jobs).then((r) => { // expect: [floating-promise] ".then() chain"
      if (r.some((x) => x.status === 'rejected')) throw new Error('job failed');
    });
    // Promise.resolve of a call adopts that call's promise
    Promise.resolve(this.flush()).then(() => { this.n = 0; }); // expect: [floating-promise] ".then() chain"
    // an async callback that awaits outside a try
    Promise.allSettled(this.jobs).then(async () => { await this.flush(); }); // expect: [floating-promise] ".then() chain"
  }

  reassigned() {
    this.p = Promise.allSettled(this.jobs);
    this.p = this.flush();
    this.p.then(() => { this.n = 1; }); // expect: [floating-promise] ".then() chain"
  }

  unknown() {
    // nothing in this block says what this.q holds
    this.q.then(() => { this.n = 2; }); // expect: [floating-promise] ".then() chain"
  }

  async flush() { throw new Error('x'); }
}
module.exports = { Runner };
