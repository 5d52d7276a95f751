// Under racelint:strict a test's chain that asserts nothing is reported
// like any other dropped promise.
const { test } = require('node:test');
const { makeQueue } = require('./helper');

test('drains', async (t) => {
  const q = makeQueue();
  q.drain().then(() => { q.close(); }); // expect: [floating-promise] ".then() chain"
  await q.idle();
  t.assert.ok(true);
});
