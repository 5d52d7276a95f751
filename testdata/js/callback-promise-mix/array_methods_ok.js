// Near-misses: the promises are consumed, or the callback is synchronous.
// expect-none
const db = require('./db');

async function notify(user) {
  await fetch(`/notify/${user.id}`, { method: 'POST' });
}

export async function fine(users) {
  await Promise.all(users.map(async (u) => { await db.remove(u.id); }));
  await Promise.allSettled(users.map(notify));
  const pending = users.map(notify);
  await Promise.all(pending);
  const later = users.map((u) => notify(u));
  for (const p of later) await p;
  const names = users.map((u) => u.name);
  const adults = users.filter((u) => u.age >= 18);
  const flags = await Promise.all(users.map(async (u) => (await db.get('users', u.id)).active));
  const active = users.filter((_, i) => flags[i]);
  const sum = await users.reduce(async (accP, u) => {
    const acc = await accP;
    return acc + (await db.count(u.id));
  }, Promise.resolve(0));
  const chained = await users.reduce((p, u) => p.then(() => notify(u)), Promise.resolve());
  users.forEach((u) => { notify(u).catch(console.error); });
  users.map((u) => notify(u).catch(console.error));
  const list = users.map(async (u) => db.get('users', u.id));
  return { names, adults, active, sum, chained, list };
}

export function passedOn(users, settleAll) {
  return settleAll(users.map(notify));
}

export const returnsThem = (users) => users.map(async (u) => notify(u));

export function mapOwn(map) {
  map(async (x) => x); // a plain map() is the caller's own helper
}

export function observable(source$) {
  // a receiver's filter that is not Array.prototype.filter still gets a
  // synchronous predicate here: fine
  return source$.filter((x) => x > 0);
}

let pendingSync;
export function startSync(users) {
  pendingSync = users.map(notify); // read by stopSync
}
export async function stopSync() {
  await Promise.all(pendingSync);
}
