// fix-enable: promise-all-mutation
// No fix where the import cannot be added cleanly: this file shows no
// module system (no import, export, require or module.exports: a
// browser script, or a file the build wraps), so neither an import nor a
// require() can be written; the finding stays, without a fix.
async function syncAll(rows) {
  await Promise.all(rows.map((r) => api.update(r.id, r))); // expect: [promise-all-mutation]
}

window.syncAll = syncAll;
