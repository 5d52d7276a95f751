// Near-misses a naive rule would flag: none of these lose an update.
// expect-none
import { Mutex } from 'async-mutex';
import { price, save, load, convert, singleFlight } from './api.js';

let total = 0;
let counter = 0;
let latest = null;
const state = { items: [] };
const counts = new Map();
const cache = new Map();
const pending = new Map();
const mutex = new Mutex();

// No await between read and write: atomic in single-threaded JS.
export async function increment() {
  counter++;
  total += 1;
  await save(counter);
}

// The read happens after the await: the update is atomic.
export async function addAfter(item) {
  total = (await price(item)) + total;
}

export async function addFresh(item) {
  const p = await price(item);
  total += p;
}

// A function local or a parameter is per call.
export async function localSum(items) {
  let sum = 0;
  for (const it of items) sum = sum + await price(it);
  return sum;
}

export async function paramSum(acc, item) {
  acc = acc + await price(item);
  return acc;
}

// Last writer wins on purpose: nothing is read before the await.
export async function refresh() {
  latest = await load('latest');
}

// Re-reads the shared value after the await (delta update).
export async function nextIdFresh() {
  const before = counter;
  await save(before);
  counter = counter + 1;
}

// Inside the runtime's Mutex.
export async function addLocked(item) {
  await mutex.runExclusive(async () => {
    total = total + await price(item);
  });
}

export async function addAcquired(item) {
  const release = await mutex.acquire();
  try {
    total += await price(item);
  } finally {
    release();
  }
}

// Not async: cannot interleave.
export function addSync(n) {
  const old = counter;
  counter = old + n;
}

// The pending promise is stored, so concurrent misses share one load.
export async function getUser(id) {
  if (cache.has(id)) return cache.get(id);
  const p = load(id);
  pending.set(id, p);
  const user = await p;
  cache.set(id, user);
  return user;
}

export function getConfig(name) {
  if (!cache.has(name)) cache.set(name, load(name));
  return cache.get(name);
}

export async function viaSingleFlight(id) {
  return singleFlight(`u:${id}`, async () => {
    counts.set(id, (counts.get(id) ?? 0) + await convert(id));
  });
}

// Mutating the object in place, not replacing it from a stale copy.
export async function push() {
  state.items.push(await load('item'));
}

// A local shadows the module variable.
export async function shadowed(item) {
  let total = 0;
  total = total + await price(item);
  return total;
}

// The read is in one branch, the await in the other.
export async function branchy(flag) {
  counter = flag ? counter : await convert(1);
}

// The cache is filled without any hit check (no stale decision).
export async function prime(id) {
  const v = await load(id);
  cache.set(id, v);
}

// A nested async callback's await does not split the outer read and write.
export async function nested(items) {
  const results = await Promise.all(items.map(async (x) => price(x)));
  total = total + results.length;
}

// Save and restore around a call (a context-switching pattern, not a
// read-modify-write): the function itself wrote the state after reading it.
let currentTenant = null;
export async function withTenant(tenant, fn) {
  const previous = currentTenant;
  currentTenant = tenant;
  await fn();
  currentTenant = previous;
}

// A captured variable updated by a callback that runs once (not map/forEach).
export async function withRetry(run) {
  let attempts = 0;
  await run(async () => {
    attempts = attempts + await load('delay');
  });
  return attempts;
}

// map() callbacks that only write their own locals.
export async function sizes(files) {
  return Promise.all(files.map(async (f) => {
    let size = 0;
    size += await load(f);
    return size;
  }));
}
