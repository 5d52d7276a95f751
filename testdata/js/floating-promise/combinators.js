// Promise.all / race / any whose every element promise cannot reject:
// the combined promise cannot reject either, so dropping it loses nothing.
// (racelint:strict reports those whose elements rest on a callee that
// cannot reject: combinators_strict/; near-misses: combinators_near.js.)

// resolves when the lamp says it is off, whatever happens
async function dimmed(lamp) {
  return new Promise((resolve) => {
    lamp.fadeOut(resolve);
  });
}

// every await in a try whose catch only logs
async function parkQuietly(arm) {
  try {
    await arm.home();
  } catch (err) {
    console.warn('arm did not park', err);
  }
}

class Stage {
  // a local array that only ever gets such promises pushed
  blackout(done) {
    const fades = [];
    for (const id of Object.keys(this.lamps)) {
      fades.push(dimmed(this.lamps[id]));
    }
    Promise.all(fades).finally(() => { // expect-none
      this.emit('dark');
      done();
    });
  }

  // pushed from a forEach callback, each with its own rejection handler
  poll(channel) {
    const reads = [];
    this.sensors.forEach((s) => {
      reads.push(s.read(channel).catch((err) => ({ failed: true, err })));
    });
    Promise.all(reads).then((values) => { // expect-none
      this.latest = values;
    });
  }

  // an array literal, in place
  park() {
    Promise.all([parkQuietly(this.left), parkQuietly(this.right)]);
    Promise.race([dimmed(this.spot), dimmed(this.flood)]).then(() => { this.lit = false; });
    Promise.any([dimmed(this.spot)]);
  }

  // .map / Array.from whose callback returns such a promise
  mapped() {
    Promise.all(this.arms.map((a) => parkQuietly(a)));
    Promise.all(this.arms.map(parkQuietly));
    Promise.all(Array.from(this.lampSet, (l) => dimmed(l)));
    Promise.all(this.arms.map(async (a) => {
      try {
        await a.home();
      } catch (err) {
        console.error(err);
      }
    }));
    Promise.race(this.arms.map((a) => a.home().catch(() => null)));
    Promise.all(this.lamps.map((l) => {
      if (l.off) return Promise.resolve();
      return dimmed(l);
    }));
  }

  // an array set from a .map, read once more for its length
  counted() {
    const homing = this.arms.map((a) => parkQuietly(a));
    this.pending = homing.length;
    Promise.all(homing).then(() => { this.pending = 0; });
  }

  // nested statics and spreads of such arrays
  nested() {
    const extra = [dimmed(this.spot)];
    Promise.all([Promise.all([dimmed(this.flood)]), ...extra, Promise.allSettled(this.jobs)]);
    // allSettled never rejects, whatever its elements do
    Promise.allSettled([this.arm.home()]);
  }
}

module.exports = { Stage };
