// .then(f) on a promise that settles but cannot reject (Promise.allSettled,
// Promise.resolve() of a literal), where f cannot reject either: only a bug
// in f's synchronous code could reject the chain.
class ConfigWatcher {
  reload() {
    if (this.pending) return;
    this.pending = Promise.allSettled([readConfig(this.a), readConfig(this.b)]);
    this.pending.then(([a, b]) => { // expect-none
      this.pending = null;
      this.current = a.status === 'fulfilled' ? a.value : null;
      for (const l of this.listeners) l(this.current, b.status);
    });
  }

  schedule(cb) {
    Promise.resolve().then(() => { // expect-none
      cb();
    });
    Promise.allSettled(this.jobs).then(function (results) { // expect-none
      this.log(results.length);
      return;
    });
    const settled = Promise.allSettled(this.jobs);
    settled.then((r) => { this.count = r.length; }).finally(() => { this.done = true; }); // expect-none
  }
}
async function readConfig(p) { return p; }
module.exports = { ConfigWatcher };
