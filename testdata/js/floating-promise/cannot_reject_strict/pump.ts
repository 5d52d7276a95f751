// racelint:strict reports a callee that cannot reject all the same.
class Pump {
  pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  tick() {
    // expect: [floating-promise] "'pause'"
    this.pause(10);
  }
}
export { Pump };
