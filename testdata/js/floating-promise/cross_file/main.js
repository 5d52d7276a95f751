// Calls of async functions defined in other modules: phase 2 follows the
// imports to their definitions.
import { sync } from './local-sync.js';
import { purge as wipe, format, history, ping } from './jobs.js';
import * as jobs from './jobs.js';
import { rebuild } from './index';
const { archive } = require('./archive.js');

export function close(account) {
  wipe(account); // expect: [floating-promise] "'wipe'"
  jobs.sync(account); // expect: [floating-promise] "'sync'"
  archive(account); // expect: [floating-promise] "'archive'"
  rebuild(account); // expect: [floating-promise] "'rebuild'"
  setInterval(() => {
    jobs.purge(account); // expect: [floating-promise] "setInterval callback"
  }, 1000);

  // Near-misses
  sync(account); // the synchronous one from local-sync.js
  format(account);
  jobs.format(account);
  history(account); // async generator
  ping(); // catches everything
  jobs.ping();
  lodashDebounce(account);
}
