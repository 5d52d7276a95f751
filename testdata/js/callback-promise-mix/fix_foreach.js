// Fix: an async forEach callback becomes a for...of loop with await.
// Unsafe: the iterations run one after another instead of together, a
// rejection now stops the loop and rejects the enclosing function, and
// for...of walks the iterator (a Map yields [key, value] pairs, holes of a
// sparse array are visited) where forEach passed (value, index). Where
// for...of does not fit, `await Promise.all(xs.map(cb))`: also unsafe (only
// an array has a map() that keeps the meaning). Plain --fix leaves them;
// --unsafe-fixes applies the first offered.
async function drop(id) {
  return id;
}

async function dropAll(ids) {
  // expect@+1: [callback-promise-mix] "forEach"
  ids.forEach(async (id) => {
    await drop(id);
  });
  // expect@+1: [callback-promise-mix]
  ids.forEach(async (id) => await drop(id));
  return ids.length;
}

async function early(ids) {
  // a `return` in the callback would leave early() in a for...of loop: the
  // fix is await Promise.all(ids.map(...)), which keeps the callback
  // expect@+1: [callback-promise-mix]
  ids.forEach(async (id) => {
    if (!id) return;
    await drop(id);
  });
}

function notAsync(ids) {
  // no async function around: await would not be legal, no fix
  // expect@+1: [callback-promise-mix]
  ids.forEach(async (id) => {
    await drop(id);
  });
}

module.exports = { dropAll, early, notAsync };
