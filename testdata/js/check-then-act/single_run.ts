// A loop that claims itself with a flag before its first await: a second
// call made while it runs returns at the check, so the runs never overlap
// and the head the loop peeked is still the head when it removes it.

interface Job { id: string; tries: number }

export class Uploader {
  private queue: Job[] = [];
  private pumping = false;
  private stopped = false;

  constructor(private readonly net: { put(j: Job): Promise<void> }) {}

  add(job: Job): void {
    this.queue.push(job);
    void this.pump();
  }

  async pump(): Promise<void> {
    if (this.pumping || this.stopped) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0];
        await this.net.put(head);
        this.queue.shift();
      }
    } finally {
      this.pumping = false;
    }
  }

  // the flag checked in a block that returns, other statements before the claim
  async pumpLogged(): Promise<void> {
    if (this.pumping) {
      console.debug('already pumping');
      return;
    }
    const started = Date.now();
    this.pumping = true;
    while (this.queue.length > 0) {
      await this.net.put(this.queue[0]);
      this.queue.splice(0, 1);
    }
    this.pumping = false;
    console.debug('pumped in', Date.now() - started);
  }
}
// expect-none
