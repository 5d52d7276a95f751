// TypeScript: types, generics, non-null and `as` do not hide the callback.
interface Job { id: string; run(): Promise<void>; }

export class Scheduler {
  private jobs: Job[] = [];

  start(): void {
    this.jobs.forEach(async (job: Job): Promise<void> => { // expect: [callback-promise-mix]
      await job.run();
    });
  }

  startNonNull(jobs?: Job[]): void {
    jobs!.forEach(async (job) => { await job.run(); }); // expect: [callback-promise-mix]
  }

  startCast(jobs: unknown): void {
    (jobs as Job[]).forEach(async (job) => { await job.run(); }); // expect: [callback-promise-mix]
  }

  private async runOne(job: Job): Promise<void> {
    await job.run();
  }

  // Near-misses: fine.
  async startAll(): Promise<void> {
    await Promise.all(this.jobs.map((job) => this.runOne(job)));
  }

  async startEach(): Promise<void> {
    for (const job of this.jobs) await this.runOne(job);
  }

  startByReference(): void {
    this.jobs.forEach(this.runOne); // expect: [callback-promise-mix] "forEach ignores"
    // expect-note@-15: "'Scheduler.runOne' is declared async here"
    const done = this.jobs.filter(this.runOne.bind(this)); // racelint:strict only (foreach_strict/): async callback of an array method other than forEach
    this.jobs.forEach(this.count.bind(this)); // synchronous method: fine
    console.log(done);
  }

  count(): number {
    let n = 0;
    this.jobs.forEach((job: Job) => { n += job.id.length; });
    return n;
  }
}

const runAsync = async <T,>(x: T): Promise<T> => x;
export function generic(xs: number[]): void {
  xs.forEach(runAsync); // expect: [callback-promise-mix]
}
