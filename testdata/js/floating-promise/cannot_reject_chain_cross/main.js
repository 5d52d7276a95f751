// Chains on methods declared in other files of the project: of the base
// class, through a symbol key, and of a field's class. The project phase
// looks the method up and drops the chain when it cannot reject (no
// marker: not reported).
const { Base } = require('./base');
const { Pool } = require('./pool');
const { kStop } = require('./symbols');

class Conn extends Base {
  close(done) {
    this.settle().then(() => {
      done();
    });
    this[kStop]().then(() => {
      done();
    });
    this.flush().then(() => { done(); }); // expect: [floating-promise] "this .then() chain"
  }
}

class Service {
  constructor(items, spare) {
    this.pool = new Pool(items);
    this.spare = new Pool(items);
    this.spare = spare; // reassigned: of unknown type
  }

  stop(done) {
    this.pool.drain().then(() => {
      done();
    });
    this.pool.drainOrFail().then(() => { done(); }); // expect: [floating-promise] "this .then() chain"
    this.spare.drain().then(() => { done(); }); // expect: [floating-promise] "this .then() chain"
  }
}

module.exports = { Conn, Service };
