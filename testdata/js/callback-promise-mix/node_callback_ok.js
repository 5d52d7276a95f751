// Near-misses: promisified, wrapped in new Promise, control-flow returns,
// not inside an async function, or not a Node-style callback.
// expect-none
const fs = require('fs');
const { promisify } = require('util');

export async function wrapped(path) {
  return new Promise((resolve, reject) => {
    fs.readFile(path, 'utf8', (err, text) => {
      if (err) return reject(err);
      return resolve(JSON.parse(text));
    });
  });
}

export async function promisified(path) {
  const text = await promisify(fs.readFile)(path, 'utf8');
  return JSON.parse(text);
}

export function notAsync(path, cb) {
  fs.readFile(path, (err, text) => {
    if (err) throw err; // a sync caller: a different problem, not this rule
    cb(text);
  });
}

export async function controlFlow(path, done) {
  fs.readFile(path, (err, text) => {
    if (err) return done(err);
    if (!text) return;
    if (text === 'x') return false;
    done(null, text);
  });
}

export async function caughtInside(path, onError) {
  fs.readFile(path, (err, text) => {
    try {
      if (err) throw err;
      JSON.parse(text);
    } catch (e) {
      onError(e);
    }
  });
}

export async function arrays(items) {
  const doubled = items.map((e, i) => { if (e) return e * 2; return i; });
  const kept = items.filter((e) => { if (e) return true; return false; });
  return [doubled, kept];
}

export async function events(el, app) {
  el.addEventListener('click', (e) => { if (e.shiftKey) return; console.log(e); });
  app.use((err, req, res, next) => {
    if (err) return res.status(500).send(err.message);
    return next();
  });
}

export async function asyncCallback(db) {
  db.transaction(async (err, tx) => {
    if (err) throw err; // rejects the callback's own promise: another rule's business
    await tx.commit();
  });
}

export async function logAndExit(path) {
  fs.readFile(path, (err, text) => {
    if (err) return console.error('cannot read', err);
    if (err != null) return console.error(err);
    if (!err) { console.log(text); } else { return console.error(err); }
    console.log(text);
  });
}

export async function promiseCallbacks(p) {
  // a throw in a then/catch callback rejects the derived promise: not this rule
  p.then(null, (err) => { if (err) throw err; });
  p.catch((e) => { if (e.fatal) throw e; return null; });
}
