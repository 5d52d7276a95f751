// expect-none
const { kStop } = require('./symbols');

class Base {
  constructor(sock) {
    this.sock = sock;
  }

  // a resolve-only executor
  settle() {
    return new Promise((resolve) => this.sock.once('close', resolve));
  }

  // every await inside a try whose catch does not rethrow
  async [kStop]() {
    try {
      await this.sock.end();
    } catch (err) {
      console.warn('end failed', err);
    }
  }

  // can reject: the await is outside any try
  async flush() {
    await this.sock.flush();
  }
}

module.exports = { Base };
