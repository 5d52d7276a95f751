// racelint:strict: listeners of the project's own void-typed emitters.
import { Channel, Signal, Awaiting } from './emitter';

async function save(v: string): Promise<void> {
  await fetch(`/save/${v}`, { method: 'POST' });
}

class Local {
  on(_type: string, fn: () => void): void {
    fn();
  }
}

export function wire(ch: Channel, sig: Signal<number>, aw: Awaiting): void {
  ch.on('a', async (v) => { await save(v); }); // expect: [callback-promise-mix] "'a' listener"
  sig.on('b', async () => { await save('b'); }); // expect: [callback-promise-mix] "'b' listener"
  const loc = new Local(); // this file's own emitter
  loc.on('c', async () => { await save('c'); }); // expect: [callback-promise-mix] "'c' listener"
  aw.on('d', async () => { await save('d'); }); // listener type allows a promise
  ch.on('e', async () => {
    try {
      await save('e');
    } catch {
      // ignored
    }
  });
}
