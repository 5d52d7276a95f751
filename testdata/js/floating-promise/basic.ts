// TypeScript: types, generics, `as` and `!` do not hide the dropped promise.
import { pipeline } from 'node:stream/promises';
import { promises as fsp } from 'fs';

interface Job { id: string; }

async function runJob(job: Job): Promise<void> {
  await fetch(`/jobs/${job.id}`, { method: 'POST' });
}

const retry = async <T,>(fn: () => Promise<T>): Promise<T> => fn();

export abstract class Worker {
  protected abstract name: string;

  private async flush(): Promise<void> {
    await fsp.writeFile('/tmp/queue.json', '[]');
  }

  private drain = async (): Promise<void> => {
    await this.flush();
  };

  start(jobs: Job[]): void {
    runJob(jobs[0]!); // expect: [floating-promise] "'runJob'"
    retry(() => runJob(jobs[1] as Job)); // expect: [floating-promise] "'retry'"
    this.flush(); // expect: [floating-promise] "'flush'"
    this.drain(); // expect: [floating-promise] "'drain'"
    (this.flush() as Promise<void>); // expect: [floating-promise]
    fsp.rm('/tmp/old', { recursive: true }); // expect: [floating-promise]
    pipeline(process.stdin, process.stdout); // expect: [floating-promise]
    Promise.race([runJob(jobs[0]), runJob(jobs[1])]); // expect: [floating-promise] "Promise.race()"
    Promise.reject(new Error('stop')); // expect: [floating-promise]
    jobs.length ? runJob(jobs[0]) : this.flush(); // expect: [floating-promise]
    // expect@-1: [floating-promise]
  }
}

class Mailer {
  async send(to: string): Promise<void> { await fetch(`/mail/${to}`); }
  queue(to: string): void { console.log(to); }
}

export function notify(to: string): void {
  const mailer: Mailer = new Mailer();
  mailer.send(to); // expect: [floating-promise] "'send'"
  mailer.queue(to);
}
