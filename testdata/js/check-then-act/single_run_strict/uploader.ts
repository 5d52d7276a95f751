// racelint:strict reports the flag-claimed loop all the same.
interface Job { id: string }

export class Uploader {
  private queue: Job[] = [];
  private pumping = false;

  constructor(private readonly net: { put(j: Job): Promise<void> }) {}

  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    while (this.queue.length > 0) {
      await this.net.put(this.queue[0]);
      this.queue.shift(); // expect: [check-then-act] "'this.queue'"
    }
    this.pumping = false;
  }
}
