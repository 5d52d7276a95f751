// The module that owns the locks also uses them, in one order.
import { Mutex } from 'async-mutex';

export const itemsLock = new Mutex();
export const pricesLock = new Mutex();

export async function reprice(item) {
  await itemsLock.runExclusive(() => pricesLock.runExclusive(() => item)); // expect: [lock-order] "'itemsLock' and 'pricesLock' are taken in opposite orders"
}
