// Methods keyed by a symbol (`[kStop]() {...}`) called as `this[kStop]()`:
// the callee is looked up like `this.stop()`, and when it cannot reject,
// the chain dropped on it loses nothing.
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
    // expect-none
    this[kStop]().then(() => {
      done();
    });
    this[kWait]().then(() => {
      this.sink.release();
    });
    this[kFlush]().then(() => {
      done();
    });
  }
}

module.exports = { Relay };
