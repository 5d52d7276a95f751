// expect-none
// Sequential reads in a test: the test waits a little longer, nobody else
// does (a test file is test context: *.test.*, __tests__/, test/).
import { getUser, listOrders } from '../db.js';

test('dashboard shows the orders', async () => {
  const user = await getUser(1);
  const orders = await listOrders(1);
  expect(orders.length).toBeGreaterThan(user.id);
});
