// db.js - a stand-in for a database client: every call is asynchronous.
const rows = new Map();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function get(table, id) {
  await sleep(Math.random() * 5);
  return rows.get(`${table}:${id}`);
}

export async function put(table, id, value) {
  await sleep(Math.random() * 5);
  rows.set(`${table}:${id}`, value);
}
