// `.then()` with no callback: the author drops the promise on purpose, as
// `void p` does. Written for a background status loop.
async function watchStatus(conn, logger) {
  for await (const s of conn.statusEvents()) logger.debug(s.type);
}

function start(conn, logger) {
  watchStatus(conn, logger).then(); // not reported
  (async () => {
    for await (const s of conn.statusEvents()) logger.debug(s.type);
  })().then(); // not reported
  // near-misses: `.catch()` with no handler reads as handling and handles
  // nothing; `.then(f)` with a callback still drops the rejection
  watchStatus(conn, logger).catch(); // expect: [floating-promise] ".catch() chain"
  watchStatus(conn, logger).then(() => logger.info('status loop ended')); // expect: [floating-promise] ".then() chain"
  watchStatus(conn, logger).then(undefined); // expect: [floating-promise]
  watchStatus(conn, logger); // expect: [floating-promise] "watchStatus"
}
module.exports = { start };
