// expect-none
export default class Adapter {
  // a resolve-only executor: 'ok' or 'timeout'
  close(ms: number): Promise<string> {
    return new Promise((resolve) => {
      setTimeout(() => resolve('timeout'), ms);
    });
  }

  // can reject
  async reopen(url: string): Promise<void> {
    await fetch(url);
  }
}
