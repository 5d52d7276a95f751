// fix-enable: promise-all-mutation
// Fix in CommonJS: the file already requires the runtime, so settleAll
// joins that destructuring (`{ Mutex }` -> `{ Mutex, settleAll }`); no
// second require.
const { Mutex } = require('@racelint/runtime');
const db = require('./db');

const lock = new Mutex();

async function removeAll(ids) {
  await lock.runExclusive(() => Promise.all(ids.map((id) => db.remove(id)))); // expect: [promise-all-mutation]
}

module.exports = { removeAll };
