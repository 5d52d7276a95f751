// expect-none: racelint:recommended; racelint:strict reports the imported async callback of an array method below (cross_file_strict/)
// The callback is defined in another module: phase 2 follows the import.
import { notifyUser, formatUser } from './handlers.js';
import saveAll from './handlers.js';
import { reindex as rebuild } from './indexer';
const { purge } = require('./cleanup.js');

export function run(users) {
  users.forEach(notifyUser); // racelint:strict only (cross_file_strict/): imported async callback of an array method
  users.forEach(formatUser); // sync: fine
  users.forEach(saveAll); // racelint:strict only (cross_file_strict/): imported async callback of an array method
  users.forEach(rebuild); // racelint:strict only (cross_file_strict/): imported async callback of an array method
  users.forEach(purge); // racelint:strict only (cross_file_strict/): imported async callback of an array method
  users.forEach(unknownGlobal); // not in the project: unknown, not reported
}

export async function filterAndMap(users) {
  const notified = users.filter(notifyUser); // racelint:strict only (cross_file_strict/): imported async callback of an array method
  users.map(saveAll); // racelint:strict only (cross_file_strict/): imported async callback of an array method
  await Promise.all(users.map(notifyUser)); // consumed: fine
  const names = users.map(formatUser); // sync: fine
  return [notified, names];
}
