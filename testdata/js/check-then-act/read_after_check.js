// A read of a path after a check of its existence, type, size or times:
// a file removed or swapped in between makes the read fail to its caller
// (as a missing file would) or read what a later read would read; nobody
// gains access through it. Not reported by default (read_after_check_strict/
// reports it); a check of what a swap defeats, a privilege change or a
// shared temporary directory keep it reported (read_after_check_near.js).
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

// expect-none
function loadSettings(dir) {
  const file = path.join(dir, 'settings.json');
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function readRegular(target) {
  const info = await fsp.stat(target);
  if (!info.isFile()) throw new Error(`not a file: ${target}`);
  return fsp.readFile(target);
}

async function readSmall(target, limit) {
  const info = await fsp.stat(target);
  if (info.size > limit) throw new Error('too large');
  return fsp.readFile(target, 'utf8');
}

async function openForReading(target) {
  await fsp.access(target);
  return fsp.open(target, 'r');
}

module.exports = { loadSettings, readRegular, readSmall, openForReading };
