// File checks followed by a use of the same path: another process can
// change the file in between.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

function removeIfPresent(p) {
  if (fs.existsSync(p)) { // expect-note: "'p' checked here"
    fs.unlinkSync(p); // expect: [check-then-act] "'unlinkSync' acts on 'p', which 'existsSync' checked at line 8"
  }
}

async function ensureDir(dir) {
  const exists = await fsp.access(dir).then(() => true, () => false);
  if (!exists) await fsp.mkdir(dir); // expect: [check-then-act]
}

function writeUnlessDirectory(p, data) {
  const st = fs.statSync(p);
  if (st.isDirectory()) throw new Error('is a directory');
  fs.writeFileSync(p, data); // expect: [check-then-act]
}

async function rotate(log) {
  if (fs.existsSync(log)) {
    await fsp.rename(log, `${log}.1`); // expect: [check-then-act]
  }
}

function legacyStat(p, cb) {
  fs.stat(p, (err, st) => {
    if (err || !st.isFile()) return cb(err);
    fs.unlink(p, cb); // expect: [check-then-act]
  });
}

// Module top level: the same race with another process.
const cacheDir = path.join(__dirname, '.cache');
if (!fs.existsSync(cacheDir)) fs.mkdirSync(cacheDir); // expect: [check-then-act]

module.exports = { legacyExists, legacyStat, removeIfPresent, readConfig, readIfAccessible, ensureDir, writeUnlessDirectory, rotate };
