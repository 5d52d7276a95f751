// Near-misses of field_callees.js: the field may hold something else, the
// method can reject, or a subclass overrides it with one that can.
class Drain {
  constructor(queue) {
    this.queue = queue;
  }

  empty() {
    return new Promise((resolve) => {
      this.queue.onIdle(resolve);
    });
  }

  // the await is outside any try
  async stop() {
    await this.queue.close();
  }
}

class Service {
  constructor(queue, custom) {
    this.drain = new Drain(queue);
    this.other = new Drain(queue);
    this.other = custom; // reassigned to a value of unknown type
  }

  shutdown(cb) {
    this.drain.stop().then(() => { cb(); }); // expect: [floating-promise] ".then() chain"
    this.other.empty().then(() => { cb(); }); // expect: [floating-promise] ".then() chain"
  }
}

class Base {
  constructor(sock) {
    this.sock = sock;
  }

  settle() {
    return new Promise((resolve) => this.sock.once('close', resolve));
  }

  finish(cb) {
    // a Loud instance runs Loud's settle, which can reject
    this.settle().then(() => { cb(); }); // expect: [floating-promise] ".then() chain"
  }
}

class Loud extends Base {
  async settle() {
    await this.sock.flush();
  }
}

module.exports = { Service, Base, Loud };
