// expect-none
// Loading a program's module for its effects: a failure takes the path a
// failed static import would.
const url = require('url');

if (process.env.APP_PATH) {
  // top level: a load failure ends the process with its error, as `node app.mjs`
  import(url.pathToFileURL(process.env.APP_PATH));
}

function onFatal(kind) {
  return (err) => {
    console.error(kind, err);
    process.exit(1);
  };
}

function startApp(script) {
  process.on('uncaughtException', onFatal('uncaughtException'));
  process.on('unhandledRejection', onFatal('unhandledRejection'));
  // the handler registered above is the intended error path
  import(url.pathToFileURL(script));
}

module.exports = { startApp };
