// Another module imports them (one under another name) and takes the
// opposite order.
import { itemsLock as items, pricesLock } from './store.js';

export async function sync(): Promise<void> {
  await pricesLock.runExclusive(() => items.runExclusive(() => 1)); // expect-note: "'items' taken while holding 'pricesLock'"
}
