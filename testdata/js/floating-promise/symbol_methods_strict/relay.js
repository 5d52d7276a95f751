// symbol_methods.js under racelint:strict: the callee-cannot-reject
// evidence is off, so every chain dropped on such a callee is reported.
const kStop = Symbol('stop');
const kFlush = Symbol('flush');
const kWait = Symbol('wait');

class Relay {
  constructor(sink) {
    this.sink = sink;
    this.waiting = [];
  }

  // every await inside a try whose catch does not rethrow
  async [kStop]() {
    try {
      await this.sink.end();
    } catch (err) {
      console.error('stop failed', err);
    }
  }

  // a resolve-only executor
  [kWait]() {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
    });
  }

  // only awaits what cannot reject
  async [kFlush]() {
    await this[kWait]();
  }

  close(done) {
    this[kStop]().then(() => { // expect: [floating-promise] ".then() chain"
      done();
    });
    this[kWait]().then(() => { // expect: [floating-promise] ".then() chain"
      this.sink.release();
    });
    this[kFlush]().then(() => { // expect: [floating-promise] ".then() chain"
      done();
    });
  }
}

module.exports = { Relay };
