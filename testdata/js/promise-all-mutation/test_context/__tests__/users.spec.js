// expect-none
// Parallel setup writes in a test: a failed one fails the test, whose
// state is thrown away.
const db = require('../db');

beforeEach(async () => {
  await Promise.all([db.users.insert({ id: 1 }), db.orders.insert({ id: 2 })]);
});
