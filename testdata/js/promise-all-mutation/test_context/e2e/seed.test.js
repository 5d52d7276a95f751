// A file named like a test, but the override makes e2e/ library code.
const db = require('../db');

test('seeds', async () => {
  await Promise.all([db.users.insert({ id: 1 }), db.orders.insert({ id: 2 })]); // expect: [promise-all-mutation]
  // expect-note@-1: "writes here"
  // expect-note@-2: "writes here"
});
