// Near-misses of symbol_methods.js: the symbol-keyed callee can reject, or
// is not the one that runs.
const kStop = Symbol('stop');
const kOpen = Symbol('open');
const kWait = Symbol('wait');
const kOther = Symbol('other');

class Relay {
  constructor(sink) {
    this.sink = sink;
  }

  // the await is outside any try
  async [kStop]() {
    await this.sink.end();
  }

  // the executor names reject
  [kOpen]() {
    return new Promise((resolve, reject) => {
      this.sink.once('ready', resolve);
      this.sink.once('error', reject);
    });
  }

  // cannot reject, but is keyed by another symbol than the one called
  [kWait]() {
    return new Promise((resolve) => setImmediate(resolve));
  }

  close(done) {
    this[kStop]().then(() => { done(); }); // expect: [floating-promise] ".then() chain"
    this[kOpen]().then(() => { done(); }); // expect: [floating-promise] ".then() chain"
    this[kOther]().then(() => { done(); }); // expect: [floating-promise] ".then() chain"
  }
}

module.exports = { Relay };
