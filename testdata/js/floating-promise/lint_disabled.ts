// A line that typescript-eslint's no-floating-promises is told to skip
// says, as `void` does, that nobody waits on purpose: the default preset
// takes it (lint_disabled_strict/ shows racelint:strict does not).

class Link {
  async close(): Promise<void> {
    await fetch('https://example.invalid/bye');
  }

  onTimeout(): void {
    // the peer is gone: closing may take a while and nobody waits on it
    // eslint-disable-next-line @typescript-eslint/no-floating-promises
    this.close();
    this.close(); // eslint-disable-line @typescript-eslint/no-floating-promises
    /* eslint-disable-next-line no-floating-promises -- background close */
    this.close();
    // eslint-plugin-promise's rule asks the same
    // eslint-disable-next-line promise/catch-or-return
    this.close();
  }
}

export { Link };
// expect-none
