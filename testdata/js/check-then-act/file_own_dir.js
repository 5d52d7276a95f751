// Writes, deletes and renames after an existence, type, size or time check
// of a file in the program's own directories, in a program that changes no
// ids: a file swapped or removed in between makes the call fail, or act on
// what any process that can write there could change anyway. The C rule
// does not report these either (CWE-367 needs a privilege boundary);
// racelint:strict does (file_own_dir_strict/).
// expect-none
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');

// truncating logs that exist: if one vanished, 'w' makes it empty again
function flushLogs(paths) {
  for (const p of paths) {
    if (p && fs.existsSync(p)) fs.closeSync(fs.openSync(p, 'w'));
  }
}

// the lstat only picks a friendlier error; the write replaces the content
function rewriteProfile(home, content, cb) {
  const rc = path.join(home, '.toolrc');
  fs.lstat(rc, (err) => {
    if (err) return cb(new Error(`no ${rc}: create it first`));
    fs.writeFile(rc, content, cb);
  });
}

// deleting a tree the program owns: a racing change makes a call throw
function removeTree(dir) {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const child = path.join(dir, name);
    if (fs.lstatSync(child).isDirectory()) removeTree(child);
    else fs.unlinkSync(child);
  }
  fs.rmdirSync(dir);
}

// renaming a rotated log away: a missing source is the callback's ENOENT
function shiftRotation(dir, i, cb) {
  const from = path.join(dir, `app.${i}.log`);
  fs.exists(from, (ok) => {
    if (!ok) return cb(null);
    fs.rename(from, path.join(dir, `app.${i + 1}.log`), cb);
  });
}

// symlink fails on any existing name (EEXIST): nothing to clobber
function linkCurrent(release, current) {
  let st;
  try {
    st = fs.lstatSync(current);
  } catch {}
  if (st && st.isFile()) throw new Error(`${current} is a regular file`);
  fs.symlinkSync(release, current);
}

// refreshing the mtime of a lock file: the times of a file hand out nothing
async function touchLock(lock, staleMs) {
  const st = await fsp.stat(lock);
  if (Date.now() - st.mtimeMs > staleMs) throw new Error('lock compromised');
  const now = new Date();
  await fsp.utimes(lock, now, now);
}

// appending to a journal that exists
async function appendIfPresent(journal, line) {
  if (!fs.existsSync(journal)) return;
  const fh = await fsp.open(journal, 'a');
  await fh.write(line);
  await fh.close();
}

// statSync throws on a missing file: the write runs only where it existed
function overwriteRegular(p, data) {
  const st = fs.statSync(p);
  if (st.isDirectory()) throw new Error(`${p} is a directory`);
  fs.writeFileSync(p, data);
}

// F_OK is an existence check, not a permission check
async function dropCache(file) {
  try {
    await fsp.access(file, fs.constants.F_OK);
  } catch {
    return;
  }
  await fsp.unlink(file);
}

// copying from a file that exists: a swap only changes what is read
function backup(src, dst) {
  if (!fs.existsSync(src)) return false;
  fs.copyFileSync(src, dst);
  return true;
}

function shrink(p, size) {
  if (fs.statSync(p).size > size) fs.truncateSync(p, size);
}

module.exports = { flushLogs, rewriteProfile, removeTree, shiftRotation, linkCurrent, touchLock,
  appendIfPresent, overwriteRegular, dropCache, backup, shrink };
