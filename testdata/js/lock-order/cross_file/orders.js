// Takes the inventory lock, then the ledger lock.
import { inventoryLock, ledgerLock } from './locks.js';

export async function placeOrder(order) {
  const releaseInventory = await inventoryLock.acquire();
  try {
    await ledgerLock.runExclusive(async () => { // expect: [lock-order] "'inventoryLock' and 'ledgerLock' are taken in opposite orders: placeOrder takes"
      order.state = 'placed';
    });
  } finally {
    releaseInventory();
  }
}
