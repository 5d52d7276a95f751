// racelint:strict reports another file's callee that cannot reject too.
import { pause } from './timing';

export function run() {
  // expect: [floating-promise] "'pause'"
  pause(10);
}
