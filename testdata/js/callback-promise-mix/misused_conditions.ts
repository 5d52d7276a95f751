// expect-none: racelint:recommended; racelint:strict reports the promise tested as a condition below (misused_conditions_strict/)
// A promise where a boolean is tested: always truthy.
async function isAdmin(id: string): Promise<boolean> {
  const res = await fetch(`/admin/${id}`);
  return res.ok;
}

function ready(): Promise<boolean> {
  return Promise.resolve(true);
}

export async function gate(id: string, pending: Promise<void>): Promise<string> {
  if (isAdmin(id)) { // racelint:strict only (misused_conditions_strict/): promise tested as a condition
    return 'admin';
  }
  const ok = ready();
  if (ok) return 'ready'; // racelint:strict only (misused_conditions_strict/): promise tested as a condition
  const label = isAdmin(id) ? 'a' : 'b'; // racelint:strict only (misused_conditions_strict/): promise tested as a condition
  if (!ready()) return label; // racelint:strict only (misused_conditions_strict/): promise tested as a condition
  // a parameter declared Promise<T> is tested for presence: its callers
  // (a runtime hook, untyped JS) may pass undefined
  if (pending) await pending;
  if (!pending) return label;
  while (fetch('/poll')) break; // racelint:strict only (misused_conditions_strict/): promise tested as a condition
  return label;
}
