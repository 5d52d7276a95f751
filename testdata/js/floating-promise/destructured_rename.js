// Renamed destructuring binds the new name: `{ promises: fsp }` makes fsp
// the fs/promises namespace, `{ readFile: read }` its function.
const { promises: fsp } = require("fs");
const { readFile: read, writeFile } = require("fs/promises");

function remove(path) {
  fsp.unlink(path); // expect: [floating-promise] "'unlink'"
}

function load(path) {
  read(path, "utf8"); // expect: [floating-promise] "'read'"
  writeFile(path, ""); // expect: [floating-promise] "'writeFile'"
}

// Near-misses: a parameter renamed from an options object is not the
// module binding; a local destructured from a plain object neither.
function withOptions({ promises: fsp2 }, path) {
  fsp2.unlink(path);
}

function plain(path) {
  const { readFile: readIt } = { readFile: (p) => p.length };
  readIt(path);
}

module.exports = { remove, load, withOptions, plain };
