// Near-miss: query.ts pushes every Stream into a module-level array, so
// they outlive the call that made them.
export class Stream {
  private head?: string[];
  constructor(private readonly db: { fetch(): Promise<string[]> }) {}

  async peek(): Promise<string | undefined> {
    if (!this.head) {
      this.head = await this.db.fetch(); // expect: [lazy-init-race] "'this.head'"
    }
    return this.head[0];
  }
}
