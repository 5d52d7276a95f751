// racelint:strict counts an await in a catch clause as a rejection.
const { EventEmitter } = require('events');

const bus = new EventEmitter();

function watch(smtp, spool) {
  bus.on('retry', async (n) => { // expect: [callback-promise-mix] "'retry' listener"
    try {
      await smtp.send(n);
    } catch (err) {
      await spool.keep(n);
    }
  });
}

module.exports = { watch };
