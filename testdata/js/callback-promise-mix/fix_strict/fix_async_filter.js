// Fix: `const kept = xs.filter(async (x) => ...)` in an async function
// awaits the predicates first (Promise.all over xs.map) and then filters by
// their answers. Unsafe: the filter now removes elements (the bug fix),
// and a rejected predicate rejects the function. A receiver that is not a
// plain name (read twice) or a function that is not async gets no fix.
async function isActive(user) {
  return user.lastSeen > 100;
}

export async function activeUsers(users) {
  const active = users.filter(async (u) => isActive(u)); // expect: [callback-promise-mix] "always truthy"
  return active.map((u) => u.id);
}

export async function activeOf(group) {
  const active = group.users.filter(async (u) => isActive(u)); // expect: [callback-promise-mix] "always truthy"
  return active.length;
}

export function activeNow(users) {
  return users.filter(async (u) => isActive(u)); // expect: [callback-promise-mix] "always truthy"
}
