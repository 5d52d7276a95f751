// Under racelint:strict `.then()` with no callback is reported like any
// other dropped promise.
async function watchStatus(conn, logger) {
  for await (const s of conn.statusEvents()) logger.debug(s.type);
}

function start(conn, logger) {
  watchStatus(conn, logger).then(); // expect: [floating-promise] ".then() chain"
}
module.exports = { start };
