// Ledger then audit, and nothing takes audit before ledger: no new cycle.
// expect-none
const { auditLock, ledgerLock } = require('./locks.js');

async function dailyReport() {
  await ledgerLock.runExclusive(() => auditLock.runExclusive(() => 1));
}

module.exports = { dailyReport };
