// File checks followed by a use of the same path that the default preset
// reports: the check decides a create that clobbers or fails when another
// process made the file in between, or the use changes rights.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

function writeDefaults(p, defaults) {
  if (!fs.existsSync(p)) { // expect-note: "'p' checked here"
    fs.writeFileSync(p, JSON.stringify(defaults)); // expect: [check-then-act] "'writeFileSync' acts on 'p', which 'existsSync' checked at line 9"
  }
}

async function ensureDir(dir) {
  const exists = await fsp.access(dir).then(() => true, () => false);
  if (!exists) await fsp.mkdir(dir); // expect: [check-then-act]
}

function openFresh(p) {
  let st = null;
  try {
    st = fs.statSync(p);
  } catch {}
  if (st && st.isFile()) return fs.openSync(p, 'r');
  return fs.openSync(p, 'w'); // expect: [check-then-act] "'openSync'"
}

async function publish(staged, target) {
  if (fs.existsSync(target)) throw new Error(`${target} exists`);
  await fsp.rename(staged, target); // expect: [check-then-act] "'rename'"
}

function legacyStat(p, cb) {
  fs.stat(p, (err) => {
    if (!err) return cb(null, false);
    fs.writeFile(p, '', (e) => cb(e, true)); // expect: [check-then-act]
  });
}

function shareIfPresent(p) {
  if (fs.existsSync(p)) fs.chmodSync(p, 0o666); // expect: [check-then-act] "'chmodSync'"
}

// Module top level: the same race with another process.
const cacheDir = path.join(__dirname, '.cache');
if (!fs.existsSync(cacheDir)) fs.mkdirSync(cacheDir); // expect: [check-then-act]

module.exports = { writeDefaults, ensureDir, openFresh, publish, legacyStat, shareIfPresent };
