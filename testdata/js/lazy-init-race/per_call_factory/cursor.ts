// A Cursor is made per query by query.ts (a local used only as c.member):
// its lazy first batch is not shared.
// expect-none
export class Cursor {
  private batch?: string[];
  constructor(private readonly db: { fetch(): Promise<string[]> }) {}

  async next(): Promise<string | undefined> {
    if (!this.batch) {
      this.batch = await this.db.fetch();
    }
    return this.batch.shift();
  }
}
