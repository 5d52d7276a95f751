import type { Job } from './job'

export class Owner {
  private job?: Job

  onOnline(): void {
    this.job?.resume()
    // expect: [floating-promise] "'restart'"
    this.job?.restart()
    // expect: [floating-promise] "'rerun'"
    this.job?.rerun()
  }

  onFocus(job: Job): void {
    // a chain on the handled promise rejects with it
    // expect: [floating-promise] ".then() chain"
    job.resume().then(() => undefined)
  }
}
