// Near-misses of kept_promise.ts: the function starts the work whose
// rejection the kept promise carries, or returns a fresh promise.

class Backup {
  private inFlight: Promise<number> | null = null;
  private last: Promise<number> | null = null;
  net: any;

  async check(): Promise<number> {
    return this.net.count();
  }

  // a single-flight memo: this caller may be the only one holding it
  checkOnce(): Promise<number> {
    if (!this.inFlight) {
      this.inFlight = this.check().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  // the kept promise is the work started here
  refresh(): Promise<number> {
    this.last = this.check();
    return this.last;
  }

  // a call on this, not a kept promise
  again(): Promise<number> {
    return this.check();
  }

  kick(): void {
    this.checkOnce(); // expect: [floating-promise] "'checkOnce'"
    this.refresh(); // expect: [floating-promise] "'refresh'"
    this.again(); // expect: [floating-promise] "'again'"
  }
}

export { Backup };
