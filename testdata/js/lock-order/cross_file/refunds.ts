// Takes the ledger lock, then the inventory lock: the opposite order.
import * as locks from './locks';
import { ledgerLock as ledger, auditLock } from './locks.js';

export async function refund(orderId: string): Promise<void> {
  await ledger.runExclusive(async () => {
    await locks.inventoryLock.runExclusive(async () => { // expect-note: "'locks.inventoryLock' taken while holding 'ledger' (line 6) in refund"
      await restock(orderId);
    });
  });
}

// Consistent with placeOrder (inventory before audit): no cycle.
export async function audit(orderId: string): Promise<void> {
  await locks.inventoryLock.runExclusive(() => auditLock.runExclusive(() => restock(orderId)));
}

async function restock(id: string): Promise<string> { return id; }
