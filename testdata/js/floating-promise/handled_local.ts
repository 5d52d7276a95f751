// A promise given a handler where it is made, in the same file.
function deferred<T>(): Promise<T> {
  const p = new Promise<T>(() => undefined)
  p.catch(() => {})
  return p
}

function loud<T>(): Promise<T> {
  const p = new Promise<T>(() => undefined)
  p.catch((e) => {
    throw e
  })
  return p
}

function start(): Promise<number> {
  const d = deferred<number>()
  return d
}

function startLoud(): Promise<number> {
  const d = loud<number>()
  return d
}

function startLet(): Promise<number> {
  let d = deferred<number>()
  d = fetch('/n').then(() => 1)
  return d
}

export function kick(): void {
  start()
  deferred()
  // expect: [floating-promise] "'startLoud'"
  startLoud()
  // expect: [floating-promise] "'startLet'"
  startLet()
  // expect: [floating-promise] ".then() chain"
  start().then(() => undefined)
}
