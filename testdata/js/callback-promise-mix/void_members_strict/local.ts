// The same shapes with the contract declared in this file.
interface Tick {
  tick(n: number): void;
  tock(n: number): Promise<void>;
}

async function save(n: number): Promise<void> {
  await fetch(`/save/${n}`);
}

export const t: Tick = {
  tick: async (n) => { await save(n); }, // expect: [callback-promise-mix] "'tick' of a 'Tick'"
  tock: async (n) => { await save(n); },
};

export class Clock implements Tick {
  async tick(n: number) { await save(n); } // expect: [callback-promise-mix] "overrides 'Tick.tick'"
  async tock(n: number) { await save(n); }
}
