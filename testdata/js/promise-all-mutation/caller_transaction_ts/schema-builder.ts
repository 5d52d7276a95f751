// typeorm's RdbmsSchemaBuilder: build() opens the transaction and reaches
// the DDL two `this.` calls down; log() reaches it too, without one (it
// only records SQL) - one caller inside a transaction is enough to stay
// quiet.
import { syncViews } from './views';

interface QueryRunner {
  startTransaction(): Promise<void>;
  commitTransaction(): Promise<void>;
  rollbackTransaction(): Promise<void>;
  dropIndex(table: string, name: string): Promise<void>;
  createIndex(table: string, name: string): Promise<void>;
}

export class SchemaBuilder {
  constructor(private queryRunner: QueryRunner, private tables: string[]) {}

  async build(): Promise<void> {
    await this.queryRunner.startTransaction();
    try {
      await this.executeSchemaSyncOperations();
      await syncViews(this.queryRunner as any, this.tables);
      await this.queryRunner.commitTransaction();
    } catch (error) {
      await this.queryRunner.rollbackTransaction();
      throw error;
    }
  }

  async log(): Promise<void> {
    await this.executeSchemaSyncOperations();
  }

  protected async executeSchemaSyncOperations(): Promise<void> {
    await this.dropOldIndices();
  }

  protected async dropOldIndices(): Promise<void> {
    await Promise.all(this.tables.map((t) => this.queryRunner.dropIndex(t, `IDX_${t}`)));
  }

  // Near-miss: a method of the same class that no transaction reaches.
  async rebuildIndices(): Promise<void> {
    await Promise.all(this.tables.map((t) => this.queryRunner.createIndex(t, `IDX_${t}`))); // expect: [promise-all-mutation] "createIndex"
  }
}

// Near-miss: another class in the same file with a method of the same
// name; `this.dropOldIndices()` in SchemaBuilder is not a call of it.
export class ViewBuilder {
  constructor(private queryRunner: QueryRunner, private views: string[]) {}

  async dropOldIndices(): Promise<void> {
    await Promise.all(this.views.map((v) => this.queryRunner.dropIndex(v, `IDX_${v}`))); // expect: [promise-all-mutation] "dropIndex"
  }
}
