// Near-misses in TypeScript.
// expect-none
import { readFileSync } from 'fs';

interface Job { id: string; }

async function runJob(job: Job): Promise<void> {
  await fetch(`/jobs/${job.id}`, { method: 'POST' });
}

function runJobSync(job: Job): void { console.log(job.id); }

declare function external(job: Job): Promise<void>;

export class Worker {
  private pending: Promise<void>[] = [];

  private async flush(): Promise<void> {
    try {
      await fetch('/flush');
    } catch {
      // ignored: best effort
    }
  }

  async start(jobs: Job[]): Promise<void> {
    await runJob(jobs[0]!);
    this.pending.push(runJob(jobs[1]));
    const p: Promise<void> = runJob(jobs[2]);
    void runJob(jobs[3]);
    runJob(jobs[4]).catch((e: unknown) => console.error(e));
    runJob(jobs[5]).then(undefined, (e: unknown) => console.error(e));
    runJobSync(jobs[6]);
    this.flush(); // catches everything: cannot reject
    readFileSync('/tmp/x');
    void external(jobs[7]); // declared to return a promise: voided
    await p;
  }

  get ready(): Promise<void> { return runJob({ id: 'r' }); }

  check(): void {
    const runJob = (j: Job): void => console.log(j);
    runJob({ id: 'local' });
  }
}
