// fix-enable: promise-all-mutation
// No fix where `settleAll` already names something else (a function of
// this file): calling it would not be the runtime's, and renaming is not
// mechanical.
import * as db from './db.js';

function settleAll(xs) {
  return Promise.allSettled(xs);
}

export async function notifyAll(users) {
  await Promise.all(users.map((u) => db.save(u))); // expect: [promise-all-mutation]
  return settleAll([]);
}
