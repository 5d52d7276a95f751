// Fixture for tests/vscode: the findings a user sees in VS Code.
const db = require('./db');

async function sendOne(user) {
  await db.notify(user);
}

function notifyAll(users) {
  users.forEach(sendOne);
}

async function removeAll(ids) {
  ids.forEach(async (id) => {
    await db.remove(id);
  });
}

function refresh() {
  sendOne(db.admin);
}

module.exports = { notifyAll, removeAll, refresh };
