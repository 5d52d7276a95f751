// Near-misses of caught_chain.js: the chain can still reject.
class Daemon {
  stopAll() {
    // the handler rethrows
    // expect: [floating-promise] ".then() chain"
    this.shutdown()
      .catch((err) => { throw new Error(`stop: ${err.message}`); })
      .then(() => process.exit(0));
    // the handler returns a call that may be a promise
    // expect: [floating-promise] ".then() chain"
    this.shutdown()
      .catch((err) => this.report(err))
      .then(() => process.exit(0));
    // a logger call whose argument calls something
    // expect: [floating-promise] ".then() chain"
    this.shutdown()
      .catch((err) => this.logger.error(this.describe(err)))
      .then(() => process.exit(0));
    // a method named like a log level on something that is not a logger
    // expect: [floating-promise] ".then() chain"
    this.shutdown()
      .catch((err) => this.queue.error(err))
      .then(() => process.exit(0));
    // the callback after the catch returns a call
    // expect: [floating-promise] ".then() chain"
    this.shutdown()
      .catch(() => {})
      .then(() => this.restart());
    // the callback after the catch awaits
    // expect: [floating-promise] ".then() chain"
    this.shutdown()
      .catch(() => {})
      .then(async () => { await this.restart(); });
    // the catch comes after the callback that can fail: it handles it (not
    // reported)
    this.shutdown()
      .then(() => this.restart())
      .catch((err) => this.logger.error(err));
    // a handler that is not a function literal: nothing known about it
    // expect: [floating-promise] ".then() chain"
    this.shutdown()
      .catch(this.onError)
      .then(() => process.exit(0));
  }

  async shutdown() { throw new Error('x'); }
  async restart() { throw new Error('y'); }
  async report() { throw new Error('z'); }
  describe(e) { return String(e); }
}
module.exports = { Daemon };
