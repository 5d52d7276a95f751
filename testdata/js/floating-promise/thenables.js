// `.then` on a value that only looks like a promise: a test double with a
// `then` key, or an instance of a class of this file whose `then` hands
// back no promise. A class whose `then` runs a query and returns its
// promise is a promise like any other.
class FakeQuery {
  constructor(rows) { this.rows = rows; }
  where() { return this; }
  then(resolve) { resolve(this.rows); }
}

class Query {
  constructor(db) { this.db = db; }
  where() { return this; }
  then(ok, fail) { return this.db.run(this).then(ok, fail); }
}

export function useDoubles(db, render) {
  const stub = { then(cb) { cb([]); } };
  stub.then(render);
  const fake = new FakeQuery([1, 2]);
  fake.where().then(render);
  const real = new Query(db);
  real.where().then(render); // expect: [floating-promise] "this .then() chain"
  const literal = { rows: [] };
  literal.rows.then(render); // expect: [floating-promise] "this .then() chain"
}
