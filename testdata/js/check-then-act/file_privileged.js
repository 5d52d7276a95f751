// A program that changes its ids (a daemon started as root that drops to
// a service user): a file swapped for a symlink between check and use
// turns the write against a file the attacker could not touch, so even a
// plain existence check is reported, as in C.
const fs = require('fs');

function appendAudit(log, line) {
  if (fs.existsSync(log)) fs.appendFileSync(log, line); // expect: [check-then-act] "'appendFileSync'"
}

function resetState(p) {
  if (fs.existsSync(p)) fs.writeFileSync(p, '{}'); // expect: [check-then-act] "'writeFileSync'"
}

// deleting a name follows nothing: still not reported after an existence check
function clearPid(pidFile) {
  if (fs.existsSync(pidFile)) fs.unlinkSync(pidFile);
}

function start(uid, log, state, pidFile) {
  appendAudit(log, 'start\n');
  resetState(state);
  clearPid(pidFile);
  process.setuid(uid);
}

module.exports = { start };
