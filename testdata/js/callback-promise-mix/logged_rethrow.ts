// A listener or timer whose only rejection is a callee's rethrow of an
// error that callee has already logged: the default preset leaves it
// (the failure is reported once already); racelint:strict reports it
// (logged_rethrow_strict/). Near-misses in logged_rethrow_near.ts.
type Hook = (topic: string) => Promise<void> | void;

class Notifier {
  private hooks: Hook[] = [];

  // runs every hook, logs each failure, then rethrows the first one
  private async notifyAll(topic: string): Promise<void> {
    const failures: unknown[] = [];
    for (const hook of this.hooks) {
      try {
        await hook(topic);
      } catch (err) {
        failures.push(err);
      }
    }
    if (failures.length > 0) {
      console.error('notify failed:', failures);
      throw failures[0];
    }
  }

  watch(target: EventTarget): void {
    target.addEventListener('message', async () => { // expect-none
      await this.notifyAll('remote');
    });
    setTimeout(async () => { // expect-none
      await this.notifyAll('ready');
    }, 0);
  }
}

export { Notifier };
