// Callees that handle their own failure: what is left outside the try is
// recovery (an await in the catch clause), a call of the function itself,
// or a timer call. The default preset does not report them;
// catch_recovery_strict/ shows racelint:strict does.

class Outbox {
  store: any;
  net: any;
  timer: ReturnType<typeof setTimeout> | null = null;
  busy = false;

  // the catch clause awaits the store: the failure of a recovery step
  async drain(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const head = await this.store.first();
      await this.net.post(head);
      await this.store.drop(head.key);
    } catch (err) {
      console.warn('drain failed, parking the head', err);
      await this.store.park();
    } finally {
      this.busy = false;
    }
  }

  // the retry is a call of the method itself, returned from the catch
  async refresh(attempt: number): Promise<void> {
    try {
      await this.net.handshake();
    } catch (err) {
      return await this.refresh(attempt);
    }
  }

  // a property holding an arrow, the same shapes
  flush = async (): Promise<void> => {
    try {
      await this.net.post(this.store.batch());
    } catch (err) {
      await this.store.keep();
      this.timer = setTimeout(this.flush, 1000);
    }
  };

  kick(): void {
    this.drain();
    this.refresh(0);
    this.flush();
  }
}

// a timer call before the try, and a settled await: cannot throw
async function settle(o: { t: ReturnType<typeof setTimeout>; sink: any }): Promise<void> {
  clearTimeout(o.t);
  await Promise.resolve();
  try {
    await o.sink.close();
  } catch (err) {
    console.error(err);
  }
}

function later(o: { t: ReturnType<typeof setTimeout>; sink: any }): void {
  settle(o);
}

export { Outbox, later };
// expect-none
