// Async timer callbacks and listeners that cannot reject by
// floating-promise's evidence: the catch clause's await is recovery, a
// retry calls the function itself, a delay does not reject. The default
// preset does not report them (recovering_strict/ shows racelint:strict
// does).
const { EventEmitter } = require('events');

const bus = new EventEmitter();

class Mailer {
  constructor(smtp, spool) {
    this.smtp = smtp;
    this.spool = spool;
  }

  async flush() {
    try {
      await this.smtp.send(await this.spool.next());
    } catch (err) {
      console.warn('send failed, keeping the mail', err);
      await this.spool.keep();
    }
  }

  async resend(n) {
    try {
      await this.smtp.send(n);
    } catch (err) {
      return this.resend(n);
    }
  }

  start() {
    setTimeout(this.flush.bind(this), 1000);
    bus.on('resend', this.resend.bind(this));
    bus.on('retry', async (n) => {
      try {
        await this.smtp.send(n);
      } catch (err) {
        await this.spool.keep(n);
      }
    });
    setImmediate(async () => {
      await delay(10);
      console.log('started');
    });
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { Mailer };
// expect-none
