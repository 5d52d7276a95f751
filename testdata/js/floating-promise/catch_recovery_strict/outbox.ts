// racelint:strict counts an await in a catch clause as a rejection.
class Outbox {
  store: any;
  net: any;

  async drain(): Promise<void> {
    try {
      await this.net.post(await this.store.first());
    } catch (err) {
      await this.store.park();
    }
  }

  // a recursive retry is no rejection of its own, strict or not
  async refresh(): Promise<void> {
    try {
      await this.net.handshake();
    } catch (err) {
      return this.refresh();
    }
  }

  kick(): void {
    this.drain(); // expect: [floating-promise] "'drain'"
    this.refresh();
  }
}
export { Outbox };
