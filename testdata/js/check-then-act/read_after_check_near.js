// Near-misses of read_after_check.js: still reported.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

// the check tests what a swap defeats: a symlink
async function readUnlessLink(target) {
  const info = await fsp.lstat(target);
  if (info.isSymbolicLink()) throw new Error('refusing a symlink');
  return fsp.readFile(target); // expect: [check-then-act] "'readFile' acts on 'target'"
}

// the check tests the owner
function readOwned(target, uid) {
  const info = fs.statSync(target);
  if (info.uid !== uid) throw new Error('not yours');
  return fs.readFileSync(target); // expect: [check-then-act] "'readFileSync'"
}

// a shared temporary directory: another user can plant the file
function readScratch() {
  const scratch = path.join(os.tmpdir(), 'scratch.json');
  if (!fs.existsSync(scratch)) return null;
  return fs.readFileSync(scratch, 'utf8'); // expect: [check-then-act] "'scratch'"
}

// opened for writing, not a read (a truncating create where the check
// found nothing: file_clobber.js)
async function startIfMissing(target, line) {
  if (fs.existsSync(target)) return;
  const fh = await fsp.open(target, 'w'); // expect: [check-then-act] "'open'"
  await fh.write(line);
}

// a stream: its 'error' event has no listener here, so a file removed in
// between crashes the process
function streamIfPresent(target, out) {
  fs.stat(target, (err, info) => {
    if (err || !info.isFile()) return out.destroy(err);
    fs.createReadStream(target).pipe(out); // expect: [check-then-act] "'createReadStream'"
  });
}

// a callback that drops the read's error: the caller never learns of it
function readQuietly(target, done) {
  if (!fs.existsSync(target)) return done(null);
  fs.readFile(target, (_err, data) => done(data)); // expect: [check-then-act] "'readFile'"
}

module.exports = { streamIfPresent, readQuietly, readUnlessLink, readOwned, readScratch, startIfMissing };
