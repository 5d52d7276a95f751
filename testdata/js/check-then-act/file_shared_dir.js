// Checks that a swap defeats, and paths in directories every user can
// write: reported even where the use only appends, deletes or renames.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

// a permission check, then a write through the same name
async function appendIfWritable(log, line) {
  try {
    await fsp.access(log, fs.constants.W_OK);
  } catch {
    return false;
  }
  await fsp.appendFile(log, line); // expect: [check-then-act] "'appendFile'"
  return true;
}

// the symlink test is what a swap defeats
function removeUnlessLink(p) {
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) throw new Error(`${p} is a link`);
  fs.unlinkSync(p); // expect: [check-then-act] "'unlinkSync'"
}

function removeOwned(p, uid) {
  fs.stat(p, (err, st) => {
    if (err || st.uid !== uid) return;
    fs.unlink(p, () => {}); // expect: [check-then-act] "'unlink'"
  });
}

// a shared temporary directory: another user can plant a symlink there
function writeScratch(data) {
  const scratch = path.join(os.tmpdir(), 'report.json');
  if (fs.existsSync(scratch)) fs.writeFileSync(scratch, data); // expect: [check-then-act] "'writeFileSync'"
}

function appendTmpLog(line) {
  if (fs.existsSync('/tmp/app.log')) fs.appendFileSync('/tmp/app.log', line); // expect: [check-then-act] "'appendFileSync'"
}

// near-misses: the same uses in the program's own directory after an
// existence check
function appendOwn(dir, line) {
  const log = path.join(dir, 'app.log');
  if (fs.existsSync(log)) fs.appendFileSync(log, line);
}

function removeOwn(dir) {
  const pid = path.join(dir, 'app.pid');
  if (fs.existsSync(pid)) fs.unlinkSync(pid);
}

module.exports = { appendIfWritable, removeUnlessLink, removeOwned, writeScratch, appendTmpLog,
  appendOwn, removeOwn };
