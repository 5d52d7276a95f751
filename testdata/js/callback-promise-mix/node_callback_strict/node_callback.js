// Node-style callbacks inside async functions: the throw and the return
// happen after the async function's promise has settled.
const fs = require('fs');
const { Client } = require('pg');

export async function loadConfig(path) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) throw err; // expect: 14 [callback-promise-mix] "uncaught exception"
    // expect-note@-3: "whose promise misses the error"
    return JSON.parse(text); // expect: [callback-promise-mix] "never reaches its caller"
  });
}

export async function query(sql) {
  const client = new Client();
  client.query(sql, function (error, res) {
    if (error) {
      throw new Error(`query failed: ${error.message}`); // expect: [callback-promise-mix] "'query'"
    }
    return res.rows; // expect: [callback-promise-mix]
  });
}

export async function stat(p) {
  fs.stat(p, (e, st) => (e ? null : st.size));
  fs.stat(p, (e, st) => {
    if (!e) return st.size; // expect: [callback-promise-mix]
  });
  fs.access(p, (err) => {
    if (err != null) throw err; // expect: [callback-promise-mix]
  });
  process.nextTick(() => {});
}

class Store {
  async load(key) {
    this.db.get(key, (err, value) => {
      if (err && err.notFound) throw new Error('missing'); // expect: [callback-promise-mix] "'Store.load'"
      this.cache = value;
    });
  }
}

module.exports = { Store };

export async function successBranch(path) {
  fs.readFile(path, (err, text) => {
    if (err) return console.error(err);
    return text.trim(); // expect: [callback-promise-mix] "never reaches its caller"
  });
}

export async function mongooseStyle(User) {
  User.find({ active: true }, (err, docs) => {
    if (err) throw err; // expect: [callback-promise-mix] "'find'"
    console.log(docs.length);
  });
}
