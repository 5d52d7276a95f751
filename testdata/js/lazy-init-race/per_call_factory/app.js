// expect-none
const Driver = require('./driver');

class App {
  constructor() {
    this.driver = new Driver();
    this.runner = this.driver.createRunner();
  }
  list() { return this.runner.query('select 1'); }
  count() { return this.driver.createRunner().query('select count(*)'); }
}

module.exports = App;
