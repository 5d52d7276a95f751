// Golden input: one finding with a note in another file, one café (non-ASCII
// text before the finding, to pin the column units).
import { warm } from './cache.mjs';
export function start(keys) {
  const label = "café ☕"; keys.forEach(async (k) => { await warm(k, label); });
  keys.forEach(warm);
}
