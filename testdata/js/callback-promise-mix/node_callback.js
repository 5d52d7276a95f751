// expect-none: racelint:recommended; racelint:strict reports the Node-style callback in an async function below (node_callback_strict/)
// Node-style callbacks inside async functions: the throw and the return
// happen after the async function's promise has settled.
const fs = require('fs');
const { Client } = require('pg');

export async function loadConfig(path) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) throw err; // racelint:strict only (node_callback_strict/): Node-style callback in an async function

    return JSON.parse(text); // racelint:strict only (node_callback_strict/): Node-style callback in an async function
  });
}

export async function query(sql) {
  const client = new Client();
  client.query(sql, function (error, res) {
    if (error) {
      throw new Error(`query failed: ${error.message}`); // racelint:strict only (node_callback_strict/): Node-style callback in an async function
    }
    return res.rows; // racelint:strict only (node_callback_strict/): Node-style callback in an async function
  });
}

export async function stat(p) {
  fs.stat(p, (e, st) => (e ? null : st.size));
  fs.stat(p, (e, st) => {
    if (!e) return st.size; // racelint:strict only (node_callback_strict/): Node-style callback in an async function
  });
  fs.access(p, (err) => {
    if (err != null) throw err; // racelint:strict only (node_callback_strict/): Node-style callback in an async function
  });
  process.nextTick(() => {});
}

class Store {
  async load(key) {
    this.db.get(key, (err, value) => {
      if (err && err.notFound) throw new Error('missing'); // racelint:strict only (node_callback_strict/): Node-style callback in an async function
      this.cache = value;
    });
  }
}

module.exports = { Store };

export async function successBranch(path) {
  fs.readFile(path, (err, text) => {
    if (err) return console.error(err);
    return text.trim(); // racelint:strict only (node_callback_strict/): Node-style callback in an async function
  });
}

export async function mongooseStyle(User) {
  User.find({ active: true }, (err, docs) => {
    if (err) throw err; // racelint:strict only (node_callback_strict/): Node-style callback in an async function
    console.log(docs.length);
  });
}
