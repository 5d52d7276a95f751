// Near-misses: awaited values, promises that may be undefined, values of
// unknown type, a promise stored to be tested for presence.
// expect-none
async function isAdmin(id: string): Promise<boolean> {
  const res = await fetch(`/admin/${id}`);
  return res.ok;
}

function maybe(flag: boolean): Promise<void> | undefined {
  return flag ? Promise.resolve() : undefined;
}

export class Loader {
  private pending?: Promise<void>;
  private current: Promise<void> | null = null;

  async load(id: string, later: Promise<void> | undefined): Promise<string> {
    if (await isAdmin(id)) return 'admin';
    const ok = await isAdmin(id);
    if (ok) return 'ok';
    if (this.pending) await this.pending;
    if (this.current) return 'busy';
    if (later) await later;
    if (maybe(true)) return 'maybe';
    let p = isAdmin(id);
    p = p.then((x) => !x);
    const q = this.compute();
    if (q) return 'computed';
    return !(await p) ? 'n' : 'y';
  }

  compute(): boolean {
    return true;
  }
}

let shared: Promise<void>;
export function once(): Promise<void> {
  if (!shared) shared = Promise.resolve(); // undefined until the first call
  return shared;
}
