// Independent reads awaited one after another.
import * as db from './db.js';

export async function dashboard(userId) {
  const user = await db.getUser(userId);
  const orders = await db.listOrders(userId); // expect: 18 [sequential-await] "'listOrders' at line 6 uses nothing that the awaited 'getUser' at line 5"
  // expect-note@-2: "the first read"
  return { user, orders };
}

export async function page(slug, locale) {
  const article = await fetch(`/articles/${slug}`);
  const nav = await fetch('/nav'); // expect: [sequential-await] "'fetch'"
  const strings = await loadStrings(locale);
  return { article, nav, strings };
}

export async function threeReads(id) {
  const profile = await getProfile(id);
  const prefs = await getPreferences(id); // expect: [sequential-await] "lines 19, 20 and 21"
  const count = await countMessages(id);
  return { profile, prefs, count };
}

export async function destructured(id) {
  const { rows } = await query('SELECT * FROM a WHERE id = $1', [id]);
  const [first] = await query('SELECT * FROM b WHERE id = $1', [id]); // expect: [sequential-await]
  return { rows, first };
}

export async function assigned(id) {
  let a, b;
  a = await this.findA(id);
  b = await this.findB(id); // expect: [sequential-await] "'findB'"
  return a + b;
}

export class Report {
  async build(id) {
    const stats = await this.repo.statFile(`/reports/${id}`);
    const meta = await this.repo.readMeta(id); // expect: [sequential-await]
    return { stats, meta };
  }
}

async function loadStrings(locale) { return fetch(`/i18n/${locale}`); }
async function getProfile(id) { return fetch(`/profile/${id}`); }
async function getPreferences(id) { return fetch(`/prefs/${id}`); }
async function countMessages(id) { return fetch(`/messages/${id}/count`); }
async function query(sql, args) { return db.run(sql, args); }

// Top level of a module
const config = await fetch('/config.json');
const flags = await fetch('/flags.json'); // expect: [sequential-await]
export { config, flags };

export async function withDefaults(day) {
  const orders = (await db.getOrders(day)) ?? [];
  const refunds = (await db.getRefunds(day)).items; // expect: [sequential-await] "'getRefunds'"
  return { orders, refunds };
}

export async function withFallbacks(path) {
  const st = await db.statFile(path).catch(() => null);
  const meta = await db.readMeta(path).catch(() => ({})); // expect: [sequential-await] "'readMeta'"
  return { st, meta };
}
