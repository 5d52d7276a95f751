// Near-misses of lint_disabled.ts: none of these comments marks the
// dropped promise as deliberate.

class Link {
  async close(): Promise<void> {
    await fetch('https://example.invalid/bye');
  }

  onTimeout(): void {
    // another rule is disabled
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    this.close(); // expect: [floating-promise] "'close'"
    // eslint-disable-next-line promise/always-return
    this.close(); // expect: [floating-promise] "'close'"

    // the directive is for the line before, not this one
    // eslint-disable-next-line @typescript-eslint/no-floating-promises
    const started = Date.now();
    this.close(); // expect: [floating-promise] "'close'"

    // a prose comment is no directive: don't await, it is slow
    this.close(); // expect: [floating-promise] "'close'"

    // an eslint-disable-line on the line above belongs to that line
    console.log(started); // eslint-disable-line @typescript-eslint/no-floating-promises
    this.close(); // expect: [floating-promise] "'close'"
  }
}

export { Link };
