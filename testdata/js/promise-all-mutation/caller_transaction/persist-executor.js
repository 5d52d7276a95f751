// The caller opens the transaction: the writes of SubjectExecutor run
// between startTransaction() and commitTransaction(), and a failure rolls
// them all back (typeorm's EntityPersistExecutor -> SubjectExecutor).
// expect-none
const { SubjectExecutor } = require('./subject-executor');

class PersistExecutor {
  constructor(queryRunner, subjects) {
    this.queryRunner = queryRunner;
    this.subjects = subjects;
  }

  async execute() {
    const executors = [new SubjectExecutor(this.queryRunner, this.subjects)];
    try {
      await this.queryRunner.startTransaction();
      for (const executor of executors) {
        await executor.execute();
      }
      await this.queryRunner.commitTransaction();
    } catch (err) {
      await this.queryRunner.rollbackTransaction();
      throw err;
    }
  }

  // The call is awaited, but inside a forEach callback that nobody awaits:
  // the commit runs before the flushes finish.
  async flushEach(executors) {
    try {
      await this.queryRunner.startTransaction();
      executors.forEach(async (executor) => {
        await executor.flush();
      });
      await this.queryRunner.commitTransaction();
    } catch (err) {
      await this.queryRunner.rollbackTransaction();
      throw err;
    }
  }

  // Calls the same method name without awaiting it: the transaction can
  // commit before the writes finish, so it does not cover them.
  async fireAndForget(executor) {
    try {
      await this.queryRunner.startTransaction();
      executor.detach();
      await this.queryRunner.commitTransaction();
    } catch (err) {
      await this.queryRunner.rollbackTransaction();
    }
  }
}

module.exports = { PersistExecutor };
