// Creates that the check decides, on a path where the check did not show
// the file existed: a file another process makes in between is truncated
// (the no-clobber race), or mkdir throws EEXIST where the check meant to
// succeed. Reported whatever the directory.
import fs from 'node:fs';
import fsp from 'node:fs/promises';

// "an existing file is not modified": but one created after the stat is
export async function ensureFile(file) {
  let st;
  try {
    st = await fsp.stat(file);
  } catch {}
  if (st && st.isFile()) return;
  await fsp.writeFile(file, ''); // expect: [check-then-act] "'writeFile'"
}

// the same, with the missing file told by the error code
export function ensureFileSync(file) {
  try {
    fs.statSync(file);
  } catch (err) {
    if (err.code === 'ENOENT') fs.writeFileSync(file, ''); // expect: [check-then-act] "'writeFileSync'"
    else throw err;
  }
}

export function startJournal(p) {
  if (fs.existsSync(p) === false) return fs.createWriteStream(p); // expect: [check-then-act] "'createWriteStream'"
  return null;
}

export function installDefault(template, target) {
  if (!fs.existsSync(target)) fs.copyFileSync(template, target); // expect: [check-then-act] "'copyFileSync'"
}

// workers started together all see the directory missing
export function makeLogDirs(parts) {
  let dir = '';
  for (const part of parts) {
    dir = `${dir}${part}/`;
    if (fs.existsSync(dir) !== true) fs.mkdirSync(dir); // expect: [check-then-act] "'mkdirSync'"
  }
}

// an encoding is not a flag: this still truncates
export function writeLegacy(file, text) {
  if (!fs.existsSync(file)) fs.writeFileSync(file, text, 'ascii'); // expect: [check-then-act] "'writeFileSync'"
}

// the near-misses: the same creates made atomic, or on a path the check
// showed existed
export function ensureFileAtomic(file) {
  if (!fs.existsSync(file)) fs.writeFileSync(file, '', { encoding: 'ascii', flag: 'a' });
}

export function openLog(file) {
  if (!fs.existsSync(file)) return fs.createWriteStream(file, { flags: 'a' });
  return null;
}

export function resetIfPresent(p) {
  if (fs.existsSync(p)) fs.writeFileSync(p, '');
}

export function makeLogDir(dir) {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true });
}

// the callback takes EEXIST as success: a racing creator is no failure
export function makeSpool(dir, cb) {
  fs.exists(dir, (ok) => {
    if (ok) return cb(null);
    fs.mkdir(dir, (err) => cb(err && err.code !== 'EEXIST' ? err : null));
  });
}

// near-miss: the callback passes EEXIST on as a failure
export function makeQueue(dir, cb) {
  fs.exists(dir, (ok) => {
    if (ok) return cb(null);
    fs.mkdir(dir, cb); // expect: [check-then-act] "'mkdir'"
  });
}

export function resetIfThere(p) {
  if (fs.existsSync(p) === true) fs.writeFileSync(p, '');
}

export function resetUnlessMissing(p) {
  if (fs.existsSync(p) !== false) fs.writeFileSync(p, '');
}
