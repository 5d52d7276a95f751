// Near-misses of recovering.js: each callback can still reject.
const { EventEmitter } = require('events');

const bus = new EventEmitter();

class Mailer {
  constructor(smtp, spool) {
    this.smtp = smtp;
    this.spool = spool;
  }

  start() {
    // the catch rethrows after its await
    bus.on('retry', async (n) => { // expect: [callback-promise-mix] "'retry' listener"
      try {
        await this.smtp.send(n);
      } catch (err) {
        await this.spool.keep(n);
        throw err;
      }
    });
    // an await after the try/catch
    setImmediate(async () => { // racelint:strict only (recovering_near_strict/): setImmediate callback
      try {
        await this.smtp.send(1);
      } catch (err) {
        console.error(err);
      }
      await this.spool.sync();
    });
  }
}

module.exports = { Mailer };
