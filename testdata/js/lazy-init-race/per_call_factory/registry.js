// expect-none
const Pool = require('./pool');

class Registry {
  constructor() {
    this.pool = new Pool();
  }
  get() { return this.pool; }
}

module.exports = Registry;
