// A floating .then()/.finally() chain in a test whose callbacks assert
// nothing: all it can lose is a rejection, which the runner reports as an
// unhandled rejection. Chains that assert can run after the test passed
// (their assertions are lost) and bare async calls are still reported.
const { test } = require('node:test');
const { makeQueue } = require('./helper');

test('drains in order', async (t) => {
  const q = makeQueue();
  const seen = [];
  q.push(1).then(() => seen.push(1)); // not reported: records, asserts nothing
  q.push(2).finally(() => { seen.push(2); }); // not reported
  q.drain().then(() => { q.close(); }); // not reported
  await q.idle();
  t.assert.deepStrictEqual(seen, [1, 2]);
});

test('destroys the pool when the first job ends', async ({ rejects }) => {
  const q = makeQueue();
  q.run({ ms: 10 }).then(() => {
    q.destroy();
  }); // not reported
  await rejects(q.run({ ms: 50 }), /destroyed/);
});

// near-misses: each of these can lose an assertion or is not a chain
test('asserts inside the chain', async (t) => {
  const q = makeQueue();
  q.push(1).then((n) => t.equal(n, 1)); // expect: [floating-promise] ".then() chain"
  q.push(2).then((n) => { expect(n).toBe(2); }); // expect: [floating-promise] ".then() chain"
  q.push(3).then((n) => assert.ok(n)); // expect: [floating-promise] ".then() chain"
  q.push(4).then((n) => n.should.equal(4)); // expect: [floating-promise] ".then() chain"
});

test('a destructured assertion from the test context', async ({ equal }) => {
  const q = makeQueue();
  q.push(5).then((n) => equal(n, 5)); // expect: [floating-promise] ".then() chain"
});

test('a callback that is not a function literal', async () => {
  const q = makeQueue();
  q.push(6).then(checkSix); // expect: [floating-promise] ".then() chain"
});

test('a bare async call is not a chain', async () => {
  const q = makeQueue();
  flushAll(q); // expect: [floating-promise] "'flushAll'"
});

async function flushAll(q) { await q.drain(); }
function checkSix(n) { if (n !== 6) throw new Error('not six'); }
