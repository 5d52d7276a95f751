// expect-none: racelint:recommended; racelint:strict reports the async member where the type wants void below (void_members_strict/)
// Async functions given where a contract of another file says a function
// returning void goes: members of an object literal of an annotated
// variable, overrides of a base type's member; and near misses.
import { Sink, LoudSink, Lifecycle, Job, Pump } from './contracts';
import type { Plugin } from 'not-installed-plugin-kit';

async function store(chunk: string): Promise<void> {
  await fetch(`/store/${chunk}`);
}

export const fileSink: Sink = {
  onChunk: async (chunk) => { await store(chunk); }, // racelint:strict only (void_members_strict/): async member where the type wants void
  async onEnd() { await store('end'); }, // racelint:strict only (void_members_strict/): async member where the type wants void
  onError: async function (err) { await store(err.message); }, // racelint:strict only (void_members_strict/): async member where the type wants void
  onDrain: async () => { await store('drain'); }, // allows a promise
  onFlush: async () => { await store('flush'); }, // wants one
  label: 'file',
};

// through the interface's base
export const loud: LoudSink = {
  ...fileSink,
  onChunk: async (chunk) => { await store(chunk.toUpperCase()); }, // racelint:strict only (void_members_strict/): async member where the type wants void
  onShout: async (text) => { await store(text); }, // unknown: not void
};

export const life: Lifecycle = {
  async start() { await store('start'); }, // racelint:strict only (void_members_strict/): async member where the type wants void
  async stop() { await store('stop'); }, // any
};

export class Upload extends Job {
  async run(input: string) { // racelint:strict only (void_members_strict/): async member where the type wants void
    await store(input);
  }
  async cancel() { // racelint:strict only (void_members_strict/): async member where the type wants void
    await store('cancel');
  }
  async describe() { // no written return type on the base
    await store('describe');
    return 'upload';
  }
  async extra() { // no base declares it
    await store('extra');
  }
  static async run(input: string) { // static: not an override
    await store(input);
  }
}

export class QuietSink implements Sink {
  label = 'quiet';
  onEnd = (): void => undefined;
  onError = (err: Error): void => console.error(err);
  async onChunk(chunk: string) { // catches everything
    try {
      await store(chunk);
    } catch (e) {
      console.error(e);
    }
  }
  onDrain(): void {}
  async onFlush() { await store('flush'); } // the contract wants a promise
}

// overloads that disagree: unknown
export const pump: Pump = { pull: async () => { await store('pull'); } };

// near misses: no annotation, a type nothing here declares, sync members
export const untyped = { onChunk: async (c: string) => { await store(c); } };
export const external: Plugin = { setup: async () => { await store('x'); } };
export const syncSink: Sink = {
  onChunk: (chunk) => { void store(chunk); },
  onEnd: () => undefined,
  onError: (err) => console.error(err),
  onDrain: () => undefined,
  onFlush: () => store('f'),
  label: 'sync',
};
