// expect-none
// Functions named like the runtime's but from another module, or local:
// nothing says they return a promise.
import { lazy } from './my-lazy.js';

const getConfig = lazy(() => ({ debug: false }));

function settleAll(xs) {
  return xs.length;
}

export function run(xs) {
  getConfig();
  settleAll(xs);
}
