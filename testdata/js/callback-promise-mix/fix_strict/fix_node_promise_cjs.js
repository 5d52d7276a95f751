// Fix (CommonJS): `fs.mkdir(...)` on `const fs = require('fs')` awaits
// fs.promises.mkdir; `const { writeFile } = require('fs')`, its only use
// this call, moves to require('fs/promises'). A destructured require that
// binds two names keeps them both and gets no fix.
const fs = require('fs');
const { writeFile } = require('fs');
const { readFile, stat } = require('node:fs');

async function ensureDir(dir) {
  fs.mkdir(dir, { recursive: true }, (err) => {
    if (err) return;
    console.log('made', dir);
    return dir; // expect: [callback-promise-mix] "never reaches its caller"
  });
}

async function save(path, data) {
  writeFile(path, JSON.stringify(data), (err) => {
    if (err) { throw err; } // expect: [callback-promise-mix] "uncaught exception"
  });
}

async function load(path) {
  readFile(path, (err, buf) => {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    return buf; // expect: [callback-promise-mix] "never reaches its caller"
  });
}

async function size(path) {
  stat(path, (err, st) => {
    if (err) throw err; // expect: [callback-promise-mix] "uncaught exception"
    return st.size; // expect: [callback-promise-mix] "never reaches its caller"
  });
}

module.exports = { ensureDir, save, load, size };
