// racelint:strict reports a timer whose only rejection is a callee's
// rethrow of an error it logged: nothing handles that rejection.
class Notifier {
  constructor(private hook: () => Promise<void>) {}

  private async notify(): Promise<void> {
    try {
      await this.hook();
    } catch (err) {
      console.error(err);
      throw err;
    }
  }

  start(): void {
    setTimeout(async () => { // expect: [callback-promise-mix] "setTimeout"
      await this.notify();
    }, 0);
  }
}

export { Notifier };
