// A dynamic import inside a function, with no process-wide handler before
// it: its failure is lost.
const url = require('url');

function loadPlugin(path) {
  import(url.pathToFileURL(path)); // expect: [floating-promise] "import()"
}

function watchErrors(emitter) {
  // not process-wide: an emitter's own event
  emitter.on('unhandledRejection', (e) => console.error(e));
  import('./late.mjs'); // expect: [floating-promise] "import()"
}

function loadThenGuard(path) {
  import(path); // expect: [floating-promise] "import()"
  process.on('unhandledRejection', (e) => console.error(e));
}

module.exports = { loadPlugin, watchErrors, loadThenGuard };
