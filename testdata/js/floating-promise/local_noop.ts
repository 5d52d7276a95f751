// A rejection handler of this file, given by name.
function noop() {}
const quiet = () => {};
const loud = (e: unknown) => {
  throw e;
};
function logIt(e: unknown) {
  console.error(e);
}

function load(key: string): Promise<Response> {
  return fetch(`/load/${key}`);
}

function stopQuietly(): Promise<unknown> {
  return load('a').then(noop).catch(noop);
}

function stopSilently(): Promise<unknown> {
  return load('b').catch(quiet);
}

function stopLogged(): Promise<unknown> {
  return load('c').catch(logIt);
}

function stopLoudly(): Promise<unknown> {
  return load('d').catch(loud);
}

function pick(p: boolean): Promise<unknown> {
  return p ? load('e').catch(noop) : load('f');
}

export function shutdown(p: boolean) {
  stopQuietly();
  stopSilently();
  stopLogged();
  // expect: [floating-promise] "'stopLoudly'"
  stopLoudly();
  // expect: [floating-promise] "'pick'"
  pick(p);
}
