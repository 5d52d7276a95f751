// Fix: a floating promise is awaited inside an async function, else
// marked fire-and-forget with `void`. Both unsafe: await makes the code
// after it wait and lets a rejection throw there; void changes nothing at
// run time but says nobody waits on purpose. Plain --fix leaves them.
async function save(x) {
  if (!x) throw new Error('nothing to save');
  return x;
}

async function handle(req) {
  save(req.body); // expect: [floating-promise]
  req.ok && save(req.extra); // expect: [floating-promise]
  return req.id;
}

function legacy(req) {
  save(req.body); // expect: [floating-promise]
}

function later(req) {
  setTimeout(() => save(req.body), 10); // expect: [floating-promise]
}

module.exports = { handle, legacy, later };
