// A promise where a boolean is tested: always truthy.
async function isAdmin(id: string): Promise<boolean> {
  const res = await fetch(`/admin/${id}`);
  return res.ok;
}

function ready(): Promise<boolean> {
  return Promise.resolve(true);
}

export async function gate(id: string, pending: Promise<void>): Promise<string> {
  if (isAdmin(id)) { // expect: [callback-promise-mix] "promise used as a condition"
    return 'admin';
  }
  const ok = ready();
  if (ok) return 'ready'; // expect: [callback-promise-mix] "always truthy"
  const label = isAdmin(id) ? 'a' : 'b'; // expect: [callback-promise-mix] "always truthy"
  if (!ready()) return label; // expect: [callback-promise-mix] "operand of `!`"
  // a parameter declared Promise<T> is tested for presence: its callers
  // (a runtime hook, untyped JS) may pass undefined
  if (pending) await pending;
  if (!pending) return label;
  while (fetch('/poll')) break; // expect: [callback-promise-mix] "always truthy"
  return label;
}
