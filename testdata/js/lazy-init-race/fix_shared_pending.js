// fix-enable: lazy-init-race
// Fix: `x = await create()` under `if (!x)` shares the pending creation
// in a new module-level `let xInit`, cleared when the creation fails.
// Unsafe: code that resets `x` alone (to reconnect) no longer makes a new
// one, since xInit still holds the old promise.
let connects = 0;
let client; // opened on first use

async function connect() {
  connects++;
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { n: connects };
}

export async function getClient() {
  if (!client) {
    client = await connect(); // expect: [lazy-init-race]
  }
  return client;
}

let server;

export async function getServer(port) {
  if (!server) {
    server = await connect(port); // expect: [lazy-init-race]
  }
  return server;
}
