// expect-none
class Pool {
  constructor(items) {
    this.items = items;
  }

  // a resolve-only executor
  drain() {
    return new Promise((resolve) => {
      this.items.onEmpty(resolve);
    });
  }

  // can reject: the executor hands reject on
  drainOrFail() {
    return new Promise((resolve, reject) => {
      this.items.onEmpty(resolve);
      this.items.onError(reject);
    });
  }
}

module.exports = { Pool };
