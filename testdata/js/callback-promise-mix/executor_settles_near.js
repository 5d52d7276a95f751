// Near-misses of executor_settles.js: the executor's own promise can
// still reject, and nothing handles it.

// the handler is not one of the executor's parameters
function openLedger(db, onError) {
  // expect: [callback-promise-mix] "async executor"
  return new Promise(async (resolve) => {
    await db.begin().catch(onError);
    resolve();
  });
}

// one await is caught by reject, the next one is not
function migrate(db) {
  // expect: [callback-promise-mix] "async executor"
  return new Promise(async (resolve, reject) => {
    await db.lock().catch(reject);
    await db.migrate();
    resolve();
  });
}

// the expression body's value is a promise the executor adopts
function start(server) {
  // expect: [callback-promise-mix] "async executor"
  return new Promise(async (resolve) => server.listen(resolve));
}

// an await in the expression body
function load(cache, key) {
  // expect: [callback-promise-mix] "async executor"
  return new Promise(async (resolve) => resolve(await cache.get(key)));
}

// a parameter of an enclosing function, not of the executor
function relay(source, reject) {
  // expect: [callback-promise-mix] "async executor"
  return new Promise(async (resolve) => {
    await source.pipe().catch(reject);
    resolve();
  });
}

module.exports = { openLedger, migrate, start, load, relay };
