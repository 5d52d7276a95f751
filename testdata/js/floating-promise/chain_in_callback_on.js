// The default shape's near misses, with the rule turned on by name (as
// `--enable floating-promise` or "rules": {"floating-promise": "warning"}):
// every recommended shape is reported, not only chains in callbacks.
class Transport {
  async flush() {
    await this.client.send(this.queue.splice(0));
  }

  quiet() {
    this.client.on('close', () => {
      this.flush(); // expect: [floating-promise] "'flush'"
    });
    this.flush().then(() => this.log('direct')); // expect: [floating-promise]
  }

  onData = () => {
    this.flush().then(() => this.log('data')); // expect: [floating-promise]
  };

  log(m) { this.last = m; }
}

module.exports = { Transport };
