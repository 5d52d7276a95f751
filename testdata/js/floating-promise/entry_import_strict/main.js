// racelint:strict reports a module loaded for its effects too
if (process.env.APP_PATH) {
  import(process.env.APP_PATH); // expect: [floating-promise] "import()"
}

function startApp(script) {
  process.on('unhandledRejection', (e) => console.error(e));
  import(script); // expect: [floating-promise] "import()"
}

module.exports = { startApp };
