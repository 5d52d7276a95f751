// A process that changes its user: a check then a read of the same path
// can be turned against it, so even a plain existence check is reported.
const fs = require('fs');

function dropAndRead(target, uid) {
  if (!fs.existsSync(target)) return null;
  const data = fs.readFileSync(target); // expect: [check-then-act] "'readFileSync'"
  process.setuid(uid);
  return data;
}

module.exports = { dropAndRead };
