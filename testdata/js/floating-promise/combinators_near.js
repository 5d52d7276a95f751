// Near-misses of combinators.js: one element, or something the combined
// promise adopts, can reject, so Promise.all (race, any) can too.

async function dimmed(lamp) {
  return new Promise((resolve) => {
    lamp.fadeOut(resolve);
  });
}

// the await is outside any try
async function park(arm) {
  await arm.home();
}

class Stage {
  // one element of the literal can reject
  literal() {
    Promise.all([dimmed(this.spot), park(this.arm)]); // expect: [floating-promise] "Promise.all()"
    Promise.race([dimmed(this.spot), fetch(this.cueUrl)]); // expect: [floating-promise] "Promise.race()"
  }

  // one push adds a promise that can reject
  mixed() {
    const jobs = [];
    jobs.push(dimmed(this.spot));
    if (this.arm) jobs.push(park(this.arm));
    Promise.all(jobs).finally(() => { this.busy = false; }); // expect: [floating-promise] "Promise.all()"
  }

  // the array leaves this function's sight: someone else may push to it
  handedOn(registry) {
    const jobs = [dimmed(this.spot)];
    registry.track(jobs);
    Promise.all(jobs); // expect: [floating-promise] "Promise.all()"
    const more = [];
    more.push(dimmed(this.flood));
    registry.add({ more });
    Promise.all(more); // expect: [floating-promise] "Promise.all()"
  }

  // written by index, reassigned, or concatenated
  rewritten() {
    const a = [dimmed(this.spot)];
    a[1] = park(this.arm);
    Promise.all(a); // expect: [floating-promise] "Promise.all()"
    let b = [dimmed(this.spot)];
    b = this.pending;
    Promise.all(b); // expect: [floating-promise] "Promise.all()"
    const c = [dimmed(this.spot)];
    Promise.all(c.concat(this.pending)); // expect: [floating-promise] "Promise.all()"
    const d = [];
    d.push(...this.pending);
    Promise.all(d); // expect: [floating-promise] "Promise.all()"
  }

  // the array comes from outside: nothing here says what it holds
  unknown(list) {
    Promise.all(list); // expect: [floating-promise] "Promise.all()"
    Promise.all(this.jobs); // expect: [floating-promise] "Promise.all()"
  }

  // a .map callback that can return a promise that rejects
  mapped(fn) {
    Promise.all(this.arms.map((a) => park(a))); // expect: [floating-promise] "Promise.all()"
    Promise.all(this.arms.map(fn)); // expect: [floating-promise] "Promise.all()"
    Promise.all(this.lamps.map((l) => { // expect: [floating-promise] "Promise.all()"
      if (l.off) return Promise.resolve();
      return l.fadeOut();
    }));
    Promise.all(this.arms.map((a) => a.home().catch((err) => { throw err; }))); // expect: [floating-promise] "Promise.all()"
  }

  // Promise.any rejects on an empty iterable, which a .map or a pushed
  // array can be; with no argument every static rejects
  empty() {
    Promise.any(this.lamps.map((l) => dimmed(l))); // expect: [floating-promise] "Promise.any()"
    Promise.any([]); // expect: [floating-promise] "Promise.any()"
    Promise.all(); // expect: [floating-promise] "Promise.all()"
  }

  // the elements cannot reject, but a callback of the chain can
  chained() {
    Promise.all([dimmed(this.spot)]).then(() => { // expect: [floating-promise] ".then() chain"
      if (!this.dark) throw new Error('still lit');
    });
    Promise.all([dimmed(this.spot)]).finally(async () => { // expect: [floating-promise] ".finally() chain"
      await park(this.arm);
    });
    Promise.all([dimmed(this.spot)]).then(() => this.reset()); // expect: [floating-promise] ".then() chain"
  }

  // a shadowing parameter: the inner `jobs` is another array
  shadowed() {
    const jobs = [dimmed(this.spot)];
    this.queue.forEach((jobs) => {
      Promise.all(jobs); // expect: [floating-promise] "Promise.all()"
    });
    Promise.all(jobs);
  }
}

module.exports = { Stage };
