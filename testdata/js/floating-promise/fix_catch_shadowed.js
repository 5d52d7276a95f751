// Near miss: `logger` is the import and, in handle(), a parameter too: the
// file has two bindings of the name, so no .catch fix; the floating
// promises get the `void` fix (there is no console.error in the file).
import logger from './logger.js';

async function flush(q) {
  if (!q.length) throw new Error('empty');
  q.length = 0;
}

export function tick(q) {
  flush(q); // expect: [floating-promise]
  logger.error('tick');
}

export function handle(q, logger) {
  flush(q); // expect: [floating-promise]
  logger.error('handled');
}
