// racelint:strict reports a Promise.all whose elements cannot reject only
// because a callee cannot (the callee evidence), as it reports a dropped
// call of that callee; elements whose own syntax shows they cannot
// reject (their own .catch(h), Promise.allSettled) are not reported.

async function dimmed(lamp) {
  return new Promise((resolve) => {
    lamp.fadeOut(resolve);
  });
}

class Stage {
  blackout(done) {
    const fades = [];
    for (const id of Object.keys(this.lamps)) fades.push(dimmed(this.lamps[id]));
    // expect: [floating-promise] "Promise.all()"
    Promise.all(fades).finally(() => done());
    // expect: [floating-promise] "Promise.all()"
    Promise.all(this.lamps.map((l) => dimmed(l)));
  }

  poll(channel) {
    const reads = [];
    this.sensors.forEach((s) => {
      reads.push(s.read(channel).catch((err) => ({ failed: true, err })));
    });
    Promise.all(reads).then((values) => {
      this.latest = values;
    });
    Promise.race(this.sensors.map((s) => s.ping().catch(() => false)));
    Promise.all([Promise.allSettled(this.jobs), Promise.resolve()]);
  }
}

module.exports = { Stage };
