// Fix: `if (!existsSync(p)) write(p, data)` becomes a write with the 'wx'
// flag that ignores EEXIST: the check and the creation are one step.
// Unsafe: an error other than EEXIST still throws, as before, but the
// fix has no behavioural test yet.
import { existsSync, writeFileSync, promises as fsp } from 'node:fs';

export async function saveOnce(file, data) {
  if (!existsSync(file)) {
    await fsp.writeFile(file, JSON.stringify(data)); // expect: [check-then-act]
  }
}

export function saveOnceSync(file, data) {
  if (!existsSync(file)) writeFileSync(file, data); // expect: [check-then-act]
}
