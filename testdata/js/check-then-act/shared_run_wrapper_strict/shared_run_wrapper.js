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
        this.lastBeat = Date.now(); // expect: [check-then-act] "'this.lastBeat'"
      }
    });
  }
}
