// racelint:strict reports a Promise.all whose elements rest on an
// imported callee that cannot reject, as it reports the callee's call.
import { settle } from './timing';

export function start(gaps: number[]): void {
  // expect: [floating-promise] "Promise.all()"
  Promise.all(gaps.map(settle));
  // expect: [floating-promise] "settle"
  settle(5);
}
