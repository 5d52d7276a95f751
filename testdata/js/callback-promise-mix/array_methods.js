// expect-none: racelint:recommended; racelint:strict reports the async callback of an array method below (array_methods_strict/)
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
  users.map(async (u) => { await db.remove(u.id); }); // racelint:strict only (array_methods_strict/): async callback of an array method
  await users.map(async (u) => { await db.touch(u.id); }); // racelint:strict only (array_methods_strict/): async callback of an array method
  const pending = users.map(notify); // racelint:strict only (array_methods_strict/): async callback of an array method

  users.map((u) => notify(u)); // racelint:strict only (array_methods_strict/): async callback of an array method
  users.flatMap(async (u) => [u, await db.get('friends', u.id)]); // racelint:strict only (array_methods_strict/): async callback of an array method
  const active = users.filter(async (u) => (await db.get('users', u.id)).active); // racelint:strict only (array_methods_strict/): async callback of an array method
  const alsoActive = users.filter(isActive); // racelint:strict only (array_methods_strict/): async callback of an array method
  if (users.some(isActive)) console.log('someone'); // racelint:strict only (array_methods_strict/): async callback of an array method
  if (users.every(async (u) => u.ok)) console.log('all'); // racelint:strict only (array_methods_strict/): async callback of an array method
  const first = users.find((u) => isActive(u)); // racelint:strict only (array_methods_strict/): async callback of an array method
  const idx = users.findIndex(async (u) => u.admin); // racelint:strict only (array_methods_strict/): async callback of an array method
  users.forEach((u) => notify(u)); // racelint:strict only (array_methods_strict/): async callback of an array method
  const total = await users.reduce(async (sum, u) => sum + (await db.count(u.id)), 0); // racelint:strict only (array_methods_strict/): async callback of an array method
  return { active, alsoActive, first, idx, total };
}

export function assignedLocal(users) {
  let later;
  later = users.map(notify); // racelint:strict only (array_methods_strict/): async callback of an array method
}
