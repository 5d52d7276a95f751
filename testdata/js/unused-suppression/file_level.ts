// racelint-disable-file callback-promise-mix -- legacy module, tracked in #123
// expect-none
export function one(ids: string[]): void {
  ids.forEach(async (id) => { await fetch(id); });
}
export function two(ids: string[]): void {
  ids.forEach(async (id) => { await fetch(id); });
}
