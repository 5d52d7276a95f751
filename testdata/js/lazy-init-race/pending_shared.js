// A value stored after awaiting a pending creation that every caller
// shares (`p ??= create()`) is made once; awaiting a fresh creation, or a
// fallback that is not stored, is made once per caller.
async function openChannel() {
  return { id: Math.random() };
}

let channel;
let channelInit;

export async function getChannel() {
  if (!channel) {
    channel = await (channelInit ??= openChannel());
  }
  return channel;
}

let socket;
let socketInit;

export async function getSocket() {
  if (!socket) {
    socket = await (socketInit || openChannel()); // expect: [lazy-init-race] "'socket'"
  }
  return socket;
}

let pipe;
let pipeInit;

export async function getPipe() {
  if (!pipe) {
    pipe = await (pipeInit ||= openChannel());
  }
  return pipe;
}

export async function reset() {
  // near miss: `pipeInit = openChannel()` stores a new creation, and the
  // value is then awaited into `socket` by every caller of reset()
  if (!socket) {
    socket = await (pipeInit = openChannel()); // expect: [lazy-init-race] "'socket'"
  }
  return socket;
}
