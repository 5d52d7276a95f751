// expect-none: racelint:recommended; racelint:strict reports the async member where the type wants void below (void_members_strict/)
// The same shapes with the contract declared in this file.
interface Tick {
  tick(n: number): void;
  tock(n: number): Promise<void>;
}

async function save(n: number): Promise<void> {
  await fetch(`/save/${n}`);
}

export const t: Tick = {
  tick: async (n) => { await save(n); }, // racelint:strict only (void_members_strict/): async member where the type wants void
  tock: async (n) => { await save(n); },
};

export class Clock implements Tick {
  async tick(n: number) { await save(n); } // racelint:strict only (void_members_strict/): async member where the type wants void
  async tock(n: number) { await save(n); }
}
