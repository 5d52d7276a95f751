#!/usr/bin/env node
// expect-none
// A one-shot script (scripts/, a #! line): latency does not matter.
import { getUser, listOrders } from '../db.js';

async function main() {
  const user = await getUser(process.argv[2]);
  const orders = await listOrders(process.argv[2]);
  console.log(user.name, orders.length);
}
main().catch((e) => { console.error(e); process.exitCode = 1; });
