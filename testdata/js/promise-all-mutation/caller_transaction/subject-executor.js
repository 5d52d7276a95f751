// Methods reached from PersistExecutor.execute's transaction, through an
// awaited `executor.execute()` and then `this.` calls of the same class.
class SubjectExecutor {
  constructor(queryRunner, subjects) {
    this.queryRunner = queryRunner;
    this.subjects = subjects;
  }

  async execute() {
    await this.executeInsertOperations();
    await this.executeRemoveOperations();
  }

  async executeInsertOperations() {
    // inside the caller's transaction: no finding
    await Promise.all(this.subjects.map((s) => this.queryRunner.insert(s.entity)));
  }

  executeRemoveOperations() {
    // returned rather than awaited by the caller chain: still inside it
    return this.removeAll();
  }

  async removeAll() {
    await Promise.all(this.subjects.map((s) => this.queryRunner.delete(s.id)));
  }

  // Near-misses: same class, but not reached from the transaction.

  async exportAll(api) {
    // only called by publish(), which runs no transaction
    await Promise.all(this.subjects.map((s) => api.post(s.entity))); // expect: [promise-all-mutation] "api.post"
  }

  async publish(api) {
    await this.exportAll(api);
  }

  async detach() {
    // called without await from fireAndForget(): the commit does not wait
    await Promise.all(this.subjects.map((s) => this.queryRunner.update(s.id, { detached: true }))); // expect: [promise-all-mutation] "update"
  }

  async flush() {
    // awaited only inside the forEach callback of flushEach()
    await Promise.all(this.subjects.map((s) => this.queryRunner.save(s.entity))); // expect: [promise-all-mutation] "save"
  }

  async later() {
    // inside a timer callback of a method: runs after the caller's
    // transaction has ended, so it is reported where it is
    setTimeout(async () => {
      await Promise.all(this.subjects.map((s) => this.queryRunner.save(s.entity))); // expect: [promise-all-mutation] "save"
    }, 10);
  }
}

module.exports = { SubjectExecutor };
