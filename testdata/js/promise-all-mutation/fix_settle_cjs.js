// fix-enable: promise-all-mutation
// Fix in CommonJS with no require of the runtime yet: a new `const {
// settleAll } = require(...)` after the last require, written as the file
// writes them (double quotes, no semicolons).
"use strict"

const db = require("./db")
const { join } = require("path")

async function saveFiles(dir, files) {
  return Promise.all(files.map((f) => db.save(join(dir, f.name), f.data))) // expect: [promise-all-mutation]
}

module.exports = { saveFiles }
