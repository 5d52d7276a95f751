// read_after_check.js under racelint:strict: every read after a check is
// reported.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

function loadSettings(dir) {
  const file = path.join(dir, 'settings.json');
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')); // expect: [check-then-act]
}

async function readRegular(target) {
  const info = await fsp.stat(target);
  if (!info.isFile()) throw new Error(`not a file: ${target}`);
  return fsp.readFile(target); // expect: [check-then-act]
}

async function readSmall(target, limit) {
  const info = await fsp.stat(target);
  if (info.size > limit) throw new Error('too large');
  return fsp.readFile(target, 'utf8'); // expect: [check-then-act]
}

function streamIfPresent(target, out) {
  fs.stat(target, (err, info) => {
    if (err || !info.isFile()) return out.destroy(err);
    fs.createReadStream(target).pipe(out); // expect: [check-then-act]
  });
}

async function openForReading(target) {
  await fsp.access(target);
  return fsp.open(target, 'r'); // expect: [check-then-act]
}

module.exports = { loadSettings, readRegular, readSmall, streamIfPresent, openForReading };
