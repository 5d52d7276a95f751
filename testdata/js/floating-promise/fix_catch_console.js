// Fix: a file that logs errors with console.error (and has a `log` that
// never logs an error) gets `.catch((err) => console.error(err))` on a
// floating promise outside an async function.
import { log } from './log.js';

async function send(msg) {
  if (!msg) throw new Error('empty');
  return msg.length;
}

export function notify(msg) {
  log.info('notify', msg);
  send(msg); // expect: [floating-promise]
}

export function fail(e) {
  console.error('failed', e);
}
