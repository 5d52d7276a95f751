// Near-misses of listener_exit.js: the listener's promise can still reject.
const server = require('http').createServer();

// the finally awaits before it exits
// expect: [callback-promise-mix] "'SIGTERM' listener"
process.on('SIGTERM', async () => {
  try {
    await server.close();
  } finally {
    await server.flushLogs();
    process.exit(0);
  }
});

// an await after the try
// expect: [callback-promise-mix] "'SIGINT' listener"
process.on('SIGINT', async () => {
  try {
    await server.close();
  } finally {
    console.log('closed');
  }
  await server.flushLogs();
});

// the finally exits only on one branch
// expect: [callback-promise-mix] "'SIGHUP' listener"
process.on('SIGHUP', async () => {
  try {
    await server.reload();
  } finally {
    if (server.fatal) process.exit(1);
  }
});
