// racelint:strict reports a promise whatever eslint is told.
class Link {
  async close(): Promise<void> {
    await fetch('https://example.invalid/bye');
  }

  onTimeout(): void {
    // eslint-disable-next-line @typescript-eslint/no-floating-promises
    this.close(); // expect: [floating-promise] "'close'"
  }
}
export { Link };
