// TypeScript forms of combinators.js: typed arrays, casts, and a pushed
// array read by more than one Promise static.
// expect-none

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class Pacer {
  gaps: number[] = [];
  idle = 0;

  run(): void {
    const waits: Promise<void>[] = [];
    for (const g of this.gaps) waits.push(pause(g));
    Promise.race(waits).then(() => { this.idle++; });
    Promise.all(waits as Promise<void>[]);
    Promise.all(waits!).finally(() => { this.idle = 0; });
    Promise.all(this.gaps.map((g): Promise<void> => pause(g)));
    Promise.all<void>([pause(1), pause(2)] satisfies Promise<void>[]);
  }

  async settle(): Promise<void> {
    const waits: Array<Promise<void>> = this.gaps.map((g) => pause(g));
    await Promise.all(waits);
    Promise.all(waits);
  }
}
