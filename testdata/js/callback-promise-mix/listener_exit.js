// An async signal listener whose try ends the process in its finally:
// a rejection in the try never reaches anyone (racelint:strict reports it:
// listener_exit_strict/).
const server = require('http').createServer();

// expect-none
process.on('SIGTERM', async () => {
  try {
    await new Promise((resolve) => server.close(resolve));
    console.log('closed');
  } finally {
    process.exit(0);
  }
});

async function onInterrupt() {
  try {
    await server.drain();
  } finally {
    console.log('bye');
    process.exit(130);
  }
}
process.on('SIGINT', onInterrupt);
