// expect-none: racelint:recommended; racelint:strict reports the field storing another value (shared_run_wrapper_strict/)
// A function given to a wrapper that hands concurrent callers the one
// pending run (sharedPromiseTo, singleFlight...) never overlaps itself; a
// retry wrapper does not serialise anything.
import { sharedPromiseTo, retryAsync } from './util.js';

export class Member {
  constructor(coordinator) {
    this.coordinator = coordinator;
    this.lastBeat = 0;
    this.heartbeat = sharedPromiseTo(async (interval) => {
      if (Date.now() >= this.lastBeat + interval) {
        await this.coordinator.heartbeat();
        this.lastBeat = Date.now();
      }
    });
    this.retried = retryAsync(async (interval) => {
      if (Date.now() >= this.lastBeat + interval) {
        await this.coordinator.heartbeat();
        this.lastBeat = Date.now(); // racelint:strict only (shared_run_wrapper_strict/): a field storing another value
      }
    });
  }
}
