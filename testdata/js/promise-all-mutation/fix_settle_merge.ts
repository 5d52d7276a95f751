// fix-enable: promise-all-mutation
// Fix in TypeScript: settleAll joins the file's import of the runtime;
// its declarations (runtime/js/index.d.ts) type the result as
// Promise.all's are (a tuple for an array literal).
import { Mutex } from '@racelint/runtime';
import type { Db, Order } from './db';

const lock = new Mutex();

export async function placeAll(db: Db, orders: Order[]): Promise<void> {
  await lock.runExclusive(async () => {
    // expect: [promise-all-mutation]
    const [a, b] = await Promise.all([
      db.orders.insert(orders[0]), // expect-note: "writes here"
      db.orders.insert(orders[1]), // expect-note: "writes here"
    ]);
    console.log(a, b);
  });
}
