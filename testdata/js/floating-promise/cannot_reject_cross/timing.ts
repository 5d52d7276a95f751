// expect-none
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function pauseOrFail(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms < 0) reject(new RangeError('ms'));
    setTimeout(resolve, ms);
  });
}

export class Pump {
  // only resolves
  drained(stream: { once(e: string, f: () => void): void }): Promise<void> {
    return new Promise((resolve) => stream.once('drain', resolve));
  }

  // can reject: the catch handler returns another call
  reopen(): Promise<void> {
    return fetch('/reopen').then(() => undefined).catch((e) => this.recover(e));
  }

  recover(e: unknown): Promise<void> {
    return fetch(`/recover?e=${String(e)}`).then(() => undefined);
  }
}
