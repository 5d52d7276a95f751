// e2e/ is not a test directory by its name; .racelint.json says it is not
// one either ("context": "library"), so the seed writes are reported.
const db = require('../db');

async function seed() {
  await Promise.all([db.users.insert({ id: 1 }), db.orders.insert({ id: 2 })]); // expect: [promise-all-mutation]
  // expect-note@-1: "writes here"
  // expect-note@-2: "writes here"
}
module.exports = { seed };
