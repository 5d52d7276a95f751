// File near-misses: atomic or idempotent operations, handled failures,
// different paths, or no check.
// expect-none
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

function ensureDir(dir) {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true });
}

function createOnce(p, data) {
  if (!fs.existsSync(p)) fs.writeFileSync(p, data, { flag: 'wx' });
}

async function removeForce(p) {
  if (fs.existsSync(p)) await fsp.rm(p, { force: true });
}

function unlinkHandled(p) {
  if (fs.existsSync(p)) {
    try {
      fs.unlinkSync(p);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }
}

async function readHandled(p) {
  if (!fs.existsSync(p)) return null;
  return fsp.readFile(p, 'utf8').catch(() => null);
}

function otherPath(dir) {
  const a = path.join(dir, 'a.json');
  const b = path.join(dir, 'b.json');
  if (fs.existsSync(a)) return fs.readFileSync(b, 'utf8');
  return null;
}

async function statForSize(p) {
  // stat for information, not as a test
  const st = await fsp.stat(p);
  const data = await fsp.readFile(p);
  return { size: st.size, data };
}

async function justRead(p) {
  try {
    return await fsp.readFile(p, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
}

async function openThenStat(p) {
  const fh = await fsp.open(p, 'r');
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new Error('not a file');
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}

function notFs(store, key) {
  // `exists` / `unlink` on something that is not the file system
  if (store.existsSync(key)) store.unlinkSync(key);
}

function writeThenCheck(p, data) {
  // the use comes first; the check after it guards nothing
  fs.writeFileSync(p, data);
  if (!fs.existsSync(p)) throw new Error('write failed');
}

function reassigned(dir) {
  let p = path.join(dir, 'current');
  if (fs.existsSync(p)) {
    p = path.join(dir, 'previous');
    fs.unlinkSync(p); // another file than the one checked
  }
}

function callbackOtherPath(p, out, cb) {
  // the callback writes another file than the one checked
  fs.stat(p, (err, st) => {
    if (err) return cb(err);
    fs.writeFile(out, JSON.stringify({ size: st.size }), cb);
  });
}

function callbackNoTest(p, cb) {
  // the result is not tested before the use
  fs.stat(p, () => fs.readFile(p, cb));
}

module.exports = { callbackOtherPath, callbackNoTest, reassigned, ensureDir, createOnce, removeForce, unlinkHandled, readHandled, otherPath,
  statForSize, justRead, openThenStat, notFs, writeThenCheck };
