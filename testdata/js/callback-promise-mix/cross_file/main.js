// The callback is defined in another module: phase 2 follows the import.
import { notifyUser, formatUser } from './handlers.js';
import saveAll from './handlers.js';
import { reindex as rebuild } from './indexer';
const { purge } = require('./cleanup.js');

export function run(users) {
  users.forEach(notifyUser); // expect: [callback-promise-mix]
  users.forEach(formatUser); // sync: fine
  users.forEach(saveAll); // expect: [callback-promise-mix]
  users.forEach(rebuild); // expect: [callback-promise-mix]
  users.forEach(purge); // expect: [callback-promise-mix]
  users.forEach(unknownGlobal); // not in the project: unknown, not reported
}

export async function filterAndMap(users) {
  const notified = users.filter(notifyUser); // racelint:strict only (cross_file_strict/): imported async callback of filter or map
  users.map(saveAll); // racelint:strict only (cross_file_strict/): imported async callback of filter or map
  await Promise.all(users.map(notifyUser)); // consumed: fine
  const names = users.map(formatUser); // sync: fine
  return [notified, names];
}
