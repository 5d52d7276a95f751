// Listeners and timers whose only awaits are of methods that catch
// everything themselves: no rejection can reach the dropped promise.
// Near-misses in settled_callees_near.ts.
import { EventEmitter } from 'events';

class Inbox {
  private channel = new EventEmitter();
  private rows: string[] = [];

  constructor(private store: { put(k: string, v: string): Promise<void> }) {}

  // catches and logs every failure of its own work
  private async persist(key: string, value: string): Promise<void> {
    try {
      await this.store.put(key, value);
      this.rows.push(key);
    } catch (err) {
      console.error('inbox: could not persist', key, err);
    }
  }

  // only awaits persist(), which cannot reject
  private async flushOne(key: string): Promise<void> {
    await this.persist(key, 'pending');
  }

  start(): void {
    this.channel.on('message', async (key: string) => { // expect-none
      await this.persist(key, 'seen');
    });
    setTimeout(async () => { // expect-none
      await this.flushOne('first');
    }, 0);
    globalThis.addEventListener('online', async () => { // expect-none
      await this.persist('net', 'up');
      await this.flushOne('net');
    });
  }
}

export { Inbox };
