// Fix: where the file logs through a `logger` (one binding, called with
// .error), a floating promise outside an async function gets
// `.catch((err) => logger.error(err))` before the `void` fix; inside an
// async function `await` still comes first. Unsafe: the rejection is
// logged and swallowed, and nothing waits for the promise.
const logger = require('./logger');

async function refresh(cache) {
  if (!cache) throw new Error('no cache');
  cache.at = Date.now();
}

function onTick(cache) {
  refresh(cache); // expect: [floating-promise]
}

function onStart(cache, warm) {
  warm && refresh(cache); // expect: [floating-promise]
}

async function onReload(cache) {
  refresh(cache); // expect: [floating-promise]
  logger.info('reloaded');
}

function report(err) {
  logger.error(err);
}

module.exports = { onTick, onStart, onReload, report };
