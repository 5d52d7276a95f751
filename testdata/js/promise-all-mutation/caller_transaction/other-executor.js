// A class with an `execute` method of its own, in a module the transaction
// code does not import: `executor.execute()` there cannot be this one.
class CleanupExecutor {
  async execute() {
    await this.purge();
  }

  async purge() {
    await Promise.all(this.ids.map((id) => this.db.delete(id))); // expect: [promise-all-mutation] "delete"
  }
}

// A plain function named like a method the transaction calls.
async function execute(db, rows) {
  await Promise.all(rows.map((r) => db.insert(r))); // expect: [promise-all-mutation] "insert"
}

module.exports = { CleanupExecutor, execute };
