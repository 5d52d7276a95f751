// Callees on another class of this file, reached through a field set to
// `new C()` (every assignment in the class), through a local variable
// holding `new C()`, or inherited from a base class here: when they cannot
// reject, the chain dropped on them loses nothing.
class Drain {
  constructor(queue) {
    this.queue = queue;
  }

  // a resolve-only executor
  empty() {
    return new Promise((resolve) => {
      this.queue.onIdle(resolve);
    });
  }

  // every await inside a try whose catch does not rethrow
  async stop() {
    try {
      await this.queue.close();
    } catch (err) {
      console.warn('close failed', err);
    }
  }
}

class Service {
  constructor(queue) {
    this.drain = new Drain(queue);
  }

  restart(queue) {
    this.drain = new Drain(queue);
  }

  shutdown(cb) {
    // expect-none
    this.drain.empty().then(() => {
      cb();
    });
    this.drain.stop().then(() => {
      cb();
    });
    const spare = new Drain([]);
    spare.stop().then(() => {
      cb();
    });
  }
}

class Base {
  constructor(sock) {
    this.sock = sock;
  }

  // inherited: cannot reject
  settle() {
    return new Promise((resolve) => this.sock.once('close', resolve));
  }
}

class Child extends Base {
  finish(cb) {
    // expect-none
    this.settle().then(() => {
      cb();
    });
  }
}

module.exports = { Service, Child };
