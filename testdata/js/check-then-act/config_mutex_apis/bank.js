// expect-none: racelint:recommended; racelint:strict reports the store's get/set pair below (config_mutex_apis_strict/)
// withAccountLock(id, fn) is the project's own lock (declared in the config).
import { getBalance, setBalance, withAccountLock } from './store.js';

export async function withdrawLocked(id, amount) {
  return withAccountLock(id, async () => {
    const balance = await getBalance(id);
    if (balance >= amount) await setBalance(id, balance - amount); // locked: fine
  });
}

export async function withdraw(id, amount) {
  const balance = await getBalance(id);
  if (balance >= amount) await setBalance(id, balance - amount); // racelint:strict only (config_mutex_apis_strict/): a store's get/set pair
}
