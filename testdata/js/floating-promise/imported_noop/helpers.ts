// expect-none
// Rejection handlers that other files import: two do nothing, one rethrows.
export function ignore(): void
export function ignore(_e: unknown): void
export function ignore() {}

export const swallow = (): void => {}

export function rethrow(e: unknown): never {
  throw e
}

export function note(e: unknown): void {
  lastError = e
}

let lastError: unknown
export function load(key: string): Promise<number> {
  return fetch(`/load/${key}`).then((r) => r.json())
}
