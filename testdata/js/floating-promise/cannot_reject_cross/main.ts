import { pause, pauseOrFail, Pump } from './timing';

export function run(pump: Pump, out: { once(e: string, f: () => void): void }) {
  pause(10);
  pump.drained(out);
  // expect: [floating-promise] "'pauseOrFail'"
  pauseOrFail(10);
  // expect: [floating-promise] "'reopen'"
  pump.reopen();
}
