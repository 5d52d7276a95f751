// Async callbacks given to array methods that drop or misread the promise.
const db = require('./db');

async function isActive(user) {
  const row = await db.get('users', user.id);
  return row.active;
}

async function notify(user) {
  await fetch(`/notify/${user.id}`, { method: 'POST' });
}

export async function cleanup(users) {
  users.map(async (u) => { await db.remove(u.id); }); // expect: 9 [callback-promise-mix] "dropped"
  await users.map(async (u) => { await db.touch(u.id); }); // expect: [callback-promise-mix] "await does not wait"
  const pending = users.map(notify); // expect: [callback-promise-mix] "stored in 'pending'"
  // expect-note@-8: "declared async here"
  users.map((u) => notify(u)); // expect: [callback-promise-mix] "callback returning a promise"
  users.flatMap(async (u) => [u, await db.get('friends', u.id)]); // expect: [callback-promise-mix]
  const active = users.filter(async (u) => (await db.get('users', u.id)).active); // expect: [callback-promise-mix] "always truthy"
  const alsoActive = users.filter(isActive); // expect: [callback-promise-mix] "filter keeps every element"
  if (users.some(isActive)) console.log('someone'); // expect: [callback-promise-mix] "always true"
  if (users.every(async (u) => u.ok)) console.log('all'); // expect: [callback-promise-mix] "every() is always true"
  const first = users.find((u) => isActive(u)); // expect: [callback-promise-mix] "first element"
  const idx = users.findIndex(async (u) => u.admin); // expect: [callback-promise-mix] "first index"
  users.forEach((u) => notify(u)); // expect: [callback-promise-mix] "forEach ignores the promise"
  const total = await users.reduce(async (sum, u) => sum + (await db.count(u.id)), 0); // expect: [callback-promise-mix] "accumulator"
  return { active, alsoActive, first, idx, total };
}

export function assignedLocal(users) {
  let later;
  later = users.map(notify); // expect: [callback-promise-mix] "stored in 'later'"
}
