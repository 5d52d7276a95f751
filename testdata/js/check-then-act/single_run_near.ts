// Near-misses of single_run.ts: the flag does not keep two runs apart.

interface Job { id: string; tries: number }

export class Uploader {
  private queue: Job[] = [];
  private pumping = false;
  private ready = false;

  constructor(private readonly net: { put(j: Job): Promise<void>; hello(): Promise<void> }) {}

  // the flag is set only after the first await: two calls pass the check
  async pumpLate(): Promise<void> {
    if (this.pumping) return;
    await this.net.hello();
    this.pumping = true;
    while (this.queue.length > 0) {
      await this.net.put(this.queue[0]);
      this.queue.shift(); // expect: [check-then-act] "'this.queue'"
    }
    this.pumping = false;
  }

  // the flag set is another one than the one checked
  async pumpOther(): Promise<void> {
    if (this.pumping) return;
    this.ready = true;
    while (this.queue.length > 0) {
      await this.net.put(this.queue[0]);
      this.queue.shift(); // expect: [check-then-act] "'this.queue'"
    }
  }

  // the check does not return: both runs go on
  async pumpAnyway(): Promise<void> {
    if (this.pumping) console.warn('pumping twice');
    this.pumping = true;
    while (this.queue.length > 0) {
      await this.net.put(this.queue[0]);
      this.queue.shift(); // expect: [check-then-act] "'this.queue'"
    }
    this.pumping = false;
  }

  // the claim sets the flag to false: it claims nothing
  async pumpReset(): Promise<void> {
    if (this.pumping) return;
    this.pumping = false;
    while (this.queue.length > 0) {
      await this.net.put(this.queue[0]);
      this.queue.shift(); // expect: [check-then-act] "'this.queue'"
    }
  }
}
