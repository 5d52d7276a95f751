// Promises dropped on the floor: nothing awaits them and nothing catches them.
import { readFile } from 'fs/promises';
import * as fsp from 'node:fs/promises';
import { setTimeout as sleep } from 'timers/promises';
import { promisify } from 'util';
import { exec } from 'child_process';

const execAsync = promisify(exec);

async function saveOrder(order) {
  await fetch('/orders', { method: 'POST', body: JSON.stringify(order) });
}

const audit = async (entry) => { await fetch('/audit', { body: entry }); };

export async function checkout(order) {
  saveOrder(order); // expect: 3 [floating-promise] "'saveOrder'"
  // expect-note@-8: "declared async here"
  audit({ order: order.id }); // expect: [floating-promise] "the code after line"
  fetch('/metrics/checkout'); // expect: [floating-promise] "fetch()"
  readFile('/tmp/receipt.txt'); // expect: [floating-promise]
  fsp.unlink('/tmp/cart.json'); // expect: [floating-promise]
  sleep(100); // expect: [floating-promise]
  execAsync('sync'); // expect: [floating-promise]
  new Promise((resolve) => setTimeout(resolve, 10)); // expect: [floating-promise] "new Promise()"
  Promise.all([saveOrder(order), audit(order)]); // expect: [floating-promise] "Promise.all()"
  fetch('/ping').then((r) => r.json()); // expect: [floating-promise] ".then() chain"
  fetch('/ping').finally(() => console.log('done')); // expect: [floating-promise] "fetch()"
  order.express && saveOrder(order); // expect: 20 [floating-promise]
  return order.id;
}

export class Cart {
  async persist() {
    await fetch('/cart', { method: 'PUT' });
  }

  static async clearAll() {
    await fetch('/cart', { method: 'DELETE' });
  }

  add(item) {
    this.items.push(item);
    this.persist(); // expect: [floating-promise] "'persist'"
  }

  reset() {
    Cart.clearAll(); // expect: [floating-promise] "'clearAll'"
  }
}

class SpecialCart extends Cart {
  addTwice(item) {
    this.add(item);
    this.persist(); // expect: [floating-promise] "'persist'"
  }
}

// The classic: a module's async main, started and dropped.
async function main() {
  await new SpecialCart().persist();
}
main(); // expect: [floating-promise] "'main'"

(async () => { // expect: [floating-promise] "async function expression"
  await checkout({ id: 1 });
})();

// A catch that rethrows still rejects.
async function upload(file) {
  try {
    await fetch('/upload', { method: 'POST', body: file });
  } catch (e) {
    console.error(e);
    throw e;
  }
}
export function send(file) {
  upload(file); // expect: [floating-promise] "'upload'"
}

export function instance(order) {
  const cart = new Cart();
  cart.persist(); // expect: [floating-promise] "'persist'"
  cart.add(order); // synchronous method: fine
  const other = makeCart();
  other.persist(); // unknown constructor: fine
}

export function lazyPolyfill() {
  import('./polyfill.js'); // expect: [floating-promise] "import()"
}
