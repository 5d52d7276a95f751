// Near-misses of settled_callees.ts: each callback can still reject.
import { EventEmitter } from 'events';

class Outbox {
  private channel = new EventEmitter();
  private failed = 0;

  constructor(private store: { put(k: string, v: string): Promise<void> }) {}

  // the catch rethrows: the listener's promise rejects
  private async persistOrFail(key: string): Promise<void> {
    try {
      await this.store.put(key, 'x');
    } catch (err) {
      this.failed += 1;
      throw err;
    }
  }

  // no try at all: the store's rejection goes through
  private async persistBare(key: string): Promise<void> {
    await this.store.put(key, 'x');
  }

  // catches everything itself
  private async persistQuiet(key: string): Promise<void> {
    try {
      await this.store.put(key, 'x');
    } catch (err) {
      console.error(err);
    }
  }

  start(): void {
    this.channel.on('message', async (key: string) => { // expect: [callback-promise-mix] "'message' listener"
      await this.persistOrFail(key);
    });
    setInterval(async () => { // expect: [callback-promise-mix] "setInterval"
      await this.persistBare('tick');
    }, 1000);
    // the quiet callee is fine, but the listener then awaits the store itself
    setTimeout(async () => { // expect: [callback-promise-mix] "setTimeout"
      await this.persistQuiet('a');
      await this.store.put('b', 'y');
    }, 0);
    // a throw of its own after a safe await
    setImmediate(async () => { // expect: [callback-promise-mix] "setImmediate"
      await this.persistQuiet('c');
      throw new Error('done');
    });
    // an executor is not a listener: the callee evidence is not taken there
    void new Promise<void>(async (resolve) => { // expect: [callback-promise-mix] "executor"
      await this.persistQuiet('d');
      resolve();
    });
  }
}

export { Outbox };
