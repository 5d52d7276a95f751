// expect-none
const Runner = require('./runner');

class Driver {
  createRunner() {
    return new Runner();
  }
}

module.exports = Driver;
