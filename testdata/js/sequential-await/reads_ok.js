// Near-misses: dependent, writes, loops, side effects in between.
// expect-none
import * as db from './db.js';

export async function dependent(userId) {
  const user = await db.getUser(userId);
  const orders = await db.listOrders(user.id);
  const { id } = await db.getAccount(orders[0].accountId);
  const invoices = await db.findInvoices({ id });
  return { user, orders, invoices };
}

export async function writes(order) {
  const saved = await db.saveOrder(order);
  const mail = await db.sendMail(order.email);
  const row = await db.findOrCreate(order.customer);
  const updated = await db.findOneAndUpdate({ id: order.id }, { paid: true });
  return { saved, mail, row, updated };
}

export async function fetchWrites(order) {
  const a = await fetch('/orders', { method: 'POST', body: JSON.stringify(order) });
  const b = await fetch('/audit', { method: 'PUT', body: '{}' });
  const c = await fetch('/ping', { body: 'x' });
  return { a, b, c };
}

export async function sqlWrites(client, id) {
  const a = await client.query('UPDATE accounts SET x = 1 WHERE id = $1', [id]);
  const b = await client.query('INSERT INTO log VALUES ($1)', [id]);
  const c = await client.query('SELECT * FROM t WHERE id = $1 FOR UPDATE', [id]);
  return { a, b, c };
}

export async function inLoop(ids) {
  for (const id of ids) {
    const a = await db.getA(id);
    const b = await db.getB(id);
    console.log(a, b);
  }
}

export async function sideEffectBetween(id) {
  const a = await db.getA(id);
  db.invalidate(id);
  const b = await db.getB(id);
  return [a, b];
}

export async function bareAwaitBetween(id) {
  const a = await db.getA(id);
  await db.refresh(id);
  const b = await db.getB(id);
  return [a, b];
}

export async function cursors(reader, iter, pool, mutex) {
  const first = await reader.read();
  const second = await reader.read();
  const line1 = await reader.readLine();
  const line2 = await reader.readLine();
  const n1 = await iter.next();
  const n2 = await iter.next();
  const c1 = await pool.getConnection();
  const c2 = await pool.getConnection();
  const l1 = await mutex.getLock('a');
  const l2 = await mutex.getLock('b');
  return [first, second, line1, line2, n1, n2, c1, c2, l1, l2];
}

export async function sameCallTwice(id) {
  const before = await db.getStatus(id);
  const after = await db.getStatus(id);
  return before === after;
}

export async function alreadyConcurrent(id) {
  const [a, b] = await Promise.all([db.getA(id), db.getB(id)]);
  return [a, b];
}

export async function single(id) {
  const a = await db.getA(id);
  return a;
}

export async function notAwaited(id) {
  const a = db.getA(id);
  const b = db.getB(id);
  return Promise.all([a, b]);
}

export async function closureUses(id) {
  const token = await db.getToken(id);
  const data = await db.fetchData(id, () => token);
  return data;
}

export async function whileLoop(queue) {
  while (queue.length) {
    const a = await db.getA(queue.pop());
    const b = await db.getB(queue.pop());
    console.log(a, b);
  }
}

export async function defaultWithCall(day) {
  const orders = (await db.getOrders(day)) ?? [];
  const refunds = (await db.getRefunds(day)) ?? (await db.getArchivedRefunds(day));
  return { orders, refunds };
}

export async function prompts(prompt, select) {
  const name = await prompt.get('name');
  const age = await prompt.get('age');
  const color = await select({ message: 'Colour?', choices: ['red', 'blue'] });
  const size = await select({ message: 'Size?', choices: ['S', 'M'] });
  return { name, age, color, size };
}

export class App {
  async start() {
    const config = await this.loadConfig();
    const plugins = await this.loadPlugins();
    return { config, plugins };
  }
}
