// racelint:strict reports a promise that already has a handler, too
function deferred<T>(): Promise<T> {
  const p = new Promise<T>(() => undefined)
  p.catch(() => {})
  return p
}

export function kick(): void {
  // expect: [floating-promise] "'deferred'"
  deferred()
}
