// Floating promises in a test file (test/, *.test.js). The runner already
// catches what they lose when the test counts its assertions (t.plan),
// ends itself (t.end) or takes a done callback, and for a top-level call of
// a function that declares the tests (a rejection ends the test process).
// An async test with none of these can pass before the chain's assertion
// runs, and a top-level setup the tests do not wait for races them: those
// are still bugs.
const { test } = require('tap');
const { start } = require('./helper');

test('answers with 200', (t) => {
  t.plan(1);
  const app = start();
  app.request('/').then((res) => {
    t.equal(res.statusCode, 200);
  });
});

test('ends itself', (t) => {
  const app = start();
  app.request('/').then((res) => {
    t.equal(res.statusCode, 200);
    t.end();
  });
});

it('calls done', (done) => {
  const app = start();
  app.request('/').then(() => done());
});

it('hands done to helpers that call it', (done) => {
  start().request('/').then(succeed(done), fail(done));
});

it('hands done to a latch', function (done) {
  const both = latch(2, done);
  start().request('/a').then(both);
  start().request('/b').then(both);
});

it('only logs its callback: the test can pass before the chain runs', async (done) => {
  console.log(done);
  start().request('/').then(() => expect(1).toBe(1)); // expect: [floating-promise]
});

test('nested callbacks still belong to the planned test', (t) => {
  t.plan(2);
  const app = start();
  app.register((child, opts, next) => {
    child.ready().then((c) => { t.same(c, child); });
    next();
  });
  app.ready().then(() => t.pass());
});

async function setup() {
  await start().listen();
  test('after setup', (t) => { t.end(); });
}
setup();

test('passes before the assertion runs', async () => {
  const app = start();
  app.request('/').then((res) => { // expect: [floating-promise] "this .then() chain"
    expect(res.statusCode).toBe(200);
  });
});

test('a plan on another object does not count', async (t) => {
  const other = makePlanner();
  other.plan(1);
  start().request('/').then((res) => t.equal(res.statusCode, 200)); // expect: [floating-promise]
});

async function loadFixtures() {
  await start().seed();
}
loadFixtures(); // expect: [floating-promise] "'loadFixtures'"
