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
  users.map(async (u) => { await db.remove(u.id); }); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  await users.map(async (u) => { await db.touch(u.id); }); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  const pending = users.map(notify); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  // expect-note@-8: "declared async here"
  users.map((u) => notify(u)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  users.flatMap(async (u) => [u, await db.get('friends', u.id)]); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  const active = users.filter(async (u) => (await db.get('users', u.id)).active); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  const alsoActive = users.filter(isActive); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  if (users.some(isActive)) console.log('someone'); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  if (users.every(async (u) => u.ok)) console.log('all'); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  const first = users.find((u) => isActive(u)); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  const idx = users.findIndex(async (u) => u.admin); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  users.forEach((u) => notify(u)); // expect: [callback-promise-mix] "forEach ignores the promise"
  const total = await users.reduce(async (sum, u) => sum + (await db.count(u.id)), 0); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
  return { active, alsoActive, first, idx, total };
}

export function assignedLocal(users) {
  let later;
  later = users.map(notify); // racelint:strict only (array_methods_strict/): async callback of an array method other than forEach
}
