// racelint:strict does not follow callees: an await of a method that
// catches everything still needs a try in the timer itself.
class Ticker {
  constructor(private refresh: () => Promise<void>) {}

  private async tick(): Promise<void> {
    try {
      await this.refresh();
    } catch (err) {
      console.error('tick failed', err);
    }
  }

  start(): void {
    setTimeout(async () => { // expect: [callback-promise-mix] "setTimeout"
      await this.tick();
    }, 0);
  }
}

export { Ticker };
