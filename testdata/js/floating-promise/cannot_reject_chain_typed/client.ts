// A chain on a typed field whose class another file declares: dropped
// when the method cannot reject (line 13), reported when it can.
import Adapter from './adapter';

export class Client {
  private adapter: Adapter;

  constructor() {
    this.adapter = new Adapter();
  }

  stop(done: () => void) {
    this.adapter.close(10).then(() => {
      done();
    });
    this.adapter.reopen('/r').then(() => { done(); }); // expect: [floating-promise] "this .then() chain"
  }
}
