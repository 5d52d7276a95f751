// racelint:strict reports the exiting listener all the same.
const server = require('http').createServer();

// expect: [callback-promise-mix] "'SIGTERM' listener"
process.on('SIGTERM', async () => {
  try {
    await server.close();
  } finally {
    process.exit(0);
  }
});
