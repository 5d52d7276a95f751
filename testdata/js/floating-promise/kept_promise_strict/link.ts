// racelint:strict reports a dropped kept promise all the same.
class Link {
  private ready: Promise<void>;

  constructor(ready: Promise<void>) {
    this.ready = ready;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  kick(): void {
    this.whenReady(); // expect: [floating-promise] "'whenReady'"
  }
}
export { Link };
