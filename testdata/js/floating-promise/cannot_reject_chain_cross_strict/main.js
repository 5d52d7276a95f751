// cannot_reject_chain_cross/ under racelint:strict: every chain is
// reported, those whose method cannot reject too.
const { Base } = require('./base');
const { Pool } = require('./pool');
const { kStop } = require('./symbols');

class Conn extends Base {
  close(done) {
    this.settle().then(() => { // expect: [floating-promise] "this .then() chain"
      done();
    });
    this[kStop]().then(() => { // expect: [floating-promise] "this .then() chain"
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
    this.pool.drain().then(() => { // expect: [floating-promise] "this .then() chain"
      done();
    });
    this.pool.drainOrFail().then(() => { done(); }); // expect: [floating-promise] "this .then() chain"
    this.spare.drain().then(() => { done(); }); // expect: [floating-promise] "this .then() chain"
  }
}

module.exports = { Conn, Service };
