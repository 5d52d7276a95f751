// A chain whose rejection is caught before its end: `.catch(h)` with a
// handler that cannot reject settles whatever the promise before it did,
// and the `.then(f)` after it can reject only if f does. Written for the
// shape "shut down, log a failure, exit".
class Daemon {
  installExitHandler() {
    this.onSignal = () => {
      // expect-none
      this.shutdown()
        .catch((err) => this.logger.error(err))
        .then(() => process.exit(0));
    };
  }

  quietStop() {
    // expect-none
    this.shutdown()
      .catch(() => {})
      .then(() => { this.stopped = true; });
    // expect-none
    this.shutdown()
      .catch((e) => console.warn('stop failed', e.message))
      .finally(() => { this.closing = false; });
    // expect-none
    this.shutdown()
      .catch(function (e) { log.error(e); })
      .then((code) => code);
  }

  async shutdown() {
    await this.flushQueue();
  }

  async flushQueue() { throw new Error('broker gone'); }
}
const log = { error() {} };
module.exports = { Daemon };
