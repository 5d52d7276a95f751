// Module-level state updated from a value read before an await.
import { price, save, fetchItems, convert, load } from './api.js';

let total = 0;
let counter = 0;
let hits = 0;
const state = { items: [], version: 0 };
const counts = new Map();
const cache = {};
const users = new Map();

export async function addToTotal(item) {
  total = total + await price(item); // expect: [shared-mutable-state] "'total' is read at line 13, before the await at line 13"
}

export async function addAugmented(item) {
  total += await price(item); // expect: 3 [shared-mutable-state] "'total' is read before the await"
}

export async function nextId() {
  const n = counter;
  await save(n);
  counter = n + 1; // expect: [shared-mutable-state] "'counter' is read into 'n' at line 21"
  // expect-note@-3: "'counter' read here"
  // expect-note@-3: "awaits here"
}

export async function appendItems() {
  state.items = [...state.items, await fetchItems()]; // expect: [shared-mutable-state] "'state.items'"
}

export async function bump(key) {
  counts.set(key, (counts.get(key) ?? 0) + await convert(key)); // expect: [shared-mutable-state] "counts.get(key)"
}

export async function tally(keys) {
  for (const k of keys) {
    cache[k] = (cache[k] || 0) + (await convert(k)); // expect: [shared-mutable-state] "'cache[k]'"
  }
}

export async function passThrough() {
  counter = await convert(counter); // expect: [shared-mutable-state] "'counter' is read at line 43"
}

export async function loadUser(id) {
  const hit = users.get(id);
  if (hit) return hit;
  const user = await load(id);
  users.set(id, user); // expect: [shared-mutable-state] "'users' is checked for this key at line 48"
  // expect-note@-3: "cache checked here"
  return user;
}

// A freshness check (TTL) on a local copy of the entry.
export async function rate(cur) {
  const entry = users.get(cur);
  if (entry && entry.at > Date.now() - 60000) return entry.value;
  users.set(cur, { value: await load(cur), at: Date.now() }); // expect: [shared-mutable-state] "'users' is checked"
}

// The same check on the entry itself is lazy-init-race's refresh shape.
export async function rateDirect(cur) {
  if (users.has(cur) && users.get(cur).at > Date.now() - 60000) return users.get(cur).value;
  users.set(cur, { value: await load(cur), at: Date.now() }); // expect: [lazy-init-race]
}

// The same miss check on the entry itself is lazy initialisation: reported
// once, by lazy-init-race, not by this rule.
export async function loadOnce(id) {
  if (users.has(id)) return users.get(id);
  users.set(id, await load(id)); // expect: [lazy-init-race]
}

export async function loadConfig(name) {
  const hit = cache[name];
  if (hit !== undefined) return hit;
  cache[name] = await load(name); // expect: [shared-mutable-state] "filled after the await"
  return cache[name];
}

export const arrowCount = async () => {
  hits -= await convert(hits); // expect: [shared-mutable-state]
};

// The callbacks of map() all run at once and share the captured `all`.
export async function readAll(files) {
  let all = '';
  await Promise.all(files.map(async (f) => {
    all += await load(f); // expect: [shared-mutable-state] "'all' is read before the await"
  }));
  return all;
}
