// Near-misses of logged_rethrow.ts: each rejection is not logged first.
class Relay {
  constructor(private send: (t: string) => Promise<void>) {}

  // logs one value, throws another
  private async pushLoggingOther(topic: string): Promise<void> {
    try {
      await this.send(topic);
    } catch (err) {
      console.error('relay failed for', topic);
      throw new Error(`relay: ${String(err)}`);
    }
  }

  // rethrows without logging
  private async pushQuietly(topic: string): Promise<void> {
    try {
      await this.send(topic);
    } catch (err) {
      throw err;
    }
  }

  // logs, then rethrows: fine on its own
  private async pushLogged(topic: string): Promise<void> {
    try {
      await this.send(topic);
    } catch (err) {
      console.error(err);
      throw err;
    }
  }

  watch(target: EventTarget): void {
    target.addEventListener('a', async () => { // expect: [callback-promise-mix] "'a' listener"
      await this.pushLoggingOther('a');
    });
    setTimeout(async () => { // expect: [callback-promise-mix] "setTimeout"
      await this.pushQuietly('b');
    }, 0);
    // the logged callee is fine, but the timer also awaits send() itself
    setInterval(async () => { // expect: [callback-promise-mix] "setInterval"
      await this.pushLogged('c');
      await this.send('d');
    }, 1000);
    // and a throw of the listener's own
    target.addEventListener('e', async () => { // expect: [callback-promise-mix] "'e' listener"
      await this.pushLogged('e');
      throw new Error('unexpected');
    });
  }
}

export { Relay };
