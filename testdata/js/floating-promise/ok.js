// Near-misses: every promise here is awaited, returned, stored, voided or
// handled, or the call does not return a promise at all.
// expect-none
import { readFile as readFileCb, watch } from 'fs';
import { setInterval as every } from 'timers/promises';

async function saveOrder(order) {
  await fetch('/orders', { method: 'POST', body: JSON.stringify(order) });
}

function saveDraft(order) { localStorage.setItem('draft', JSON.stringify(order)); }

async function* pages(url) { yield await fetch(url); }

// Never rejects: the whole body is one try/catch.
async function report(e) {
  try {
    await fetch('/errors', { method: 'POST', body: String(e) });
  } catch (err) {
    console.error('could not report', err);
  }
}

export async function checkout(order, notify) {
  await saveOrder(order);
  const pending = saveOrder(order);
  void saveOrder(order);
  saveOrder(order).catch((e) => console.error(e));
  saveOrder(order).then(() => console.log('saved'), (e) => console.error(e));
  saveOrder(order).then(() => {}, report).finally(() => console.log('done'));
  fetch('/ping').catch(report).finally(() => console.log('pinged'));
  saveDraft(order); // same shape, but synchronous
  pages('/orders'); // an async generator returns an iterator, not a promise
  report(new Error('x')); // cannot reject
  readFileCb('/tmp/x', (err, data) => console.log(err, data)); // callback API
  watch('/tmp', () => {});
  notify(order); // a parameter: unknown
  order.save(); // unknown receiver: no type information
  unknownGlobal(order);
  for await (const tick of every(1000)) { if (tick) break; }
  return pending;
}

export function shadowed(saveOrder) {
  saveOrder(); // the parameter, not the async function above
}

export function returned(order) {
  return saveOrder(order);
}

export const arrow = (order) => saveOrder(order);

export class Cart {
  persist() { localStorage.setItem('cart', '[]'); }
  async load() { return fetch('/cart'); }
  add() {
    this.persist(); // a synchronous method
    const self = { async persist() {}, run() { this.persist(); } };
    self.run();
  }
  async addAndWait() {
    await this.load();
    this.items = this.load();
  }
}

setTimeout(() => saveDraft({}), 10);
setTimeout(() => console.log('tick'), 10);
const text = 'saveOrder(order);';

// Cannot reject either: every await is inside try/catch, even with setup
// code before the try; and an async function without await or throw.
async function pump(socket, body) {
  const writer = socket.writer();
  try {
    for await (const chunk of body) await writer.write(chunk);
  } catch (err) {
    socket.destroy(err);
  }
}
async function markDone(job) { job.done = true; }

export function start(socket, body, job) {
  pump(socket, body);
  markDone(job);
}

// Cypress chainables have .then() but are queued commands, not promises.
export function cypressTest() {
  cy.get('[data-test=total]').then(($el) => expect($el.text()).to.equal('3'));
  cy.visit('/').its('localStorage').then((ls) => ls.clear());
}
