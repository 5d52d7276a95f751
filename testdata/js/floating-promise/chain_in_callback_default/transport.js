// The shape floating-promise reports with no config (racelint:recommended,
// the rule not turned on by name): a `.then(f)` / `.finally(f)` chain with
// no rejection handler, as a statement of a callback, outside test code.
// Nothing up the stack can see its rejection: the emitter, the timer or
// the outer chain called the callback and moved on.
const fs = require('fs');

async function parseConfig(text) {
  return JSON.parse(text);
}

class Transport {
  async onConnected() {
    await this.subscribeAll();
  }

  async subscribeAll() {
    await this.client.subscribe('#');
  }

  async flush() {
    await this.client.send(this.queue.splice(0));
  }

  connect(resolve) {
    this.client.on('connect', () => {
      this.onConnected().then(resolve); // expect: [floating-promise] "connect"
    });
    setTimeout(() => {
      this.flush().then(() => this.log('flushed')); // expect: [floating-promise]
    }, 100);
    setInterval(() => this.flush().finally(() => this.tick++), 1000); // expect: [floating-promise]
  }

  reload(path, done) {
    fs.readFile(path, 'utf8', (err, text) => {
      if (err) return done(err);
      parseConfig(text).then((cfg) => { this.cfg = cfg; done(null); }); // expect: [floating-promise]
    });
  }

  start() {
    return this.flush().then(() => {
      this.onConnected().then(() => this.log('again')); // expect: [floating-promise]
    });
  }

  // Near misses: reported only when the rule is turned on (chain_in_callback_on.js)
  quiet() {
    this.client.on('close', () => {
      this.flush(); // a bare call: its own shape, turned on by name
    });
    // a chain outside any callback
    this.flush().then(() => this.log('direct'));
  }

  // Near misses in every preset: the chain handles its rejection (no
  // finding expected on any line without a marker)
  handled() {
    this.client.on('drain', () => {
      this.flush().then(() => this.log('ok'), (e) => this.log(e));
      this.flush().then(() => this.log('ok')).catch((e) => this.log(e));
    });
  }

  // A class field's arrow is a method kept on the object, not a callback
  // handed to a caller here: left to the rule turned on by name.
  onData = () => {
    this.flush().then(() => this.log('data'));
  };

  log(m) { this.last = m; }
}

module.exports = { Transport };
