// stat/exists before a read whose callback handles its error: a file removed
// or replaced in between ends in the same handled error (typeorm's
// ImportUtils.getNearestPackageJson walks up to the nearest package.json so).
const fs = require("fs");
const path = require("path");

function nearestPackageJson(filePath) {
  return new Promise((accept) => {
    let currentPath = filePath;
    function searchPackageJson() {
      const nextPath = path.dirname(currentPath);
      if (currentPath === nextPath) accept(null);
      else {
        currentPath = nextPath;
        const potentialPackageJson = path.join(currentPath, "package.json");
        fs.stat(potentialPackageJson, (err, stats) => {
          if (err != null) searchPackageJson();
          else if (stats.isFile()) {
            fs.readFile(potentialPackageJson, "utf8", (err, data) => {
              if (err != null) accept(null);
              else accept(JSON.parse(data));
            });
          } else searchPackageJson();
        });
      }
    }
    searchPackageJson();
  });
}

function openIfThere(p, done) {
  fs.access(p, (missing) => {
    if (missing) return done(null);
    fs.open(p, "r", (er, fd) => (er ? done(null) : done(fd)));
  });
}

// near misses: a read that ignores its error, and a write (it can succeed on
// a file created in between) are still reported
function readIgnoringError(p, done) {
  if (fs.existsSync(p)) {
    fs.readFile(p, "utf8", (_err, data) => done(data)); // expect: [check-then-act]
  }
}

function createFile(filePath, content, override) {
  return new Promise((ok, fail) => {
    if (override === false && fs.existsSync(filePath)) return ok();
    fs.writeFile(filePath, content, (err) => (err ? fail(err) : ok())); // expect: [check-then-act]
  });
}

module.exports = { nearestPackageJson, openIfThere, readIgnoringError, createFile };
