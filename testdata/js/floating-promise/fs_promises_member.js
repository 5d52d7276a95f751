// fs.promises.<fn>() is still a promise API.
const fs = require("fs");
function save(path, data) {
  fs.promises.writeFile(path, data); // expect: [floating-promise]
}
function clean(dir) {
  require("fs").promises.rm(dir, { recursive: true }); // expect: [floating-promise]
}
module.exports = { save, clean };
