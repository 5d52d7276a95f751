// fix-enable: promise-all-mutation
// Fix where the runtime is imported as a namespace: `rt.settleAll`, no
// new import.
import * as rt from '@racelint/runtime';
import { put } from './store.js';

export async function restock(deliveries) {
  await Promise.all(deliveries.map((d) => put(d.sku, d.qty))); // expect: [promise-all-mutation]
}

export const pending = new rt.Mutex();
