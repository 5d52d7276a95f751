// file_own_dir.js's shapes under racelint:strict: every file use after a
// check of the same path is reported, privilege boundary or not.
const fs = require('fs');
const fsp = require('fs/promises');

function flushLog(p) {
  if (fs.existsSync(p)) fs.closeSync(fs.openSync(p, 'w')); // expect: [check-then-act] "'openSync'"
}

function removeIfPresent(p) {
  if (fs.existsSync(p)) fs.unlinkSync(p); // expect: [check-then-act] "'unlinkSync'"
}

function linkCurrent(release, current) {
  if (!fs.existsSync(current)) fs.symlinkSync(release, current); // expect: [check-then-act] "'symlinkSync'"
}

async function touchLock(lock, staleMs) {
  const st = await fsp.stat(lock);
  if (Date.now() - st.mtimeMs > staleMs) throw new Error('lock compromised');
  await fsp.utimes(lock, new Date(), new Date()); // expect: [check-then-act] "'utimes'"
}

function overwriteRegular(p, data) {
  const st = fs.statSync(p);
  if (st.isDirectory()) throw new Error(`${p} is a directory`);
  fs.writeFileSync(p, data); // expect: [check-then-act] "'writeFileSync'"
}

module.exports = { flushLog, removeIfPresent, linkCurrent, touchLock, overwriteRegular };
