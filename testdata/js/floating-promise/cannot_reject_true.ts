// Shapes that stay reported next to the cannot-reject ones: each callee
// can reject, or is not known.
interface Store {
  get(key: string): Promise<string | null>;
}

class Job {
  static async fromId(store: Store, id: string): Promise<Job | null> {
    const raw = await store.get(`job:${id}`);
    return raw ? new Job(store, id) : null;
  }

  constructor(private store: Store, private id: string) {}

  // a store call outside any try
  async isFinished(): Promise<boolean> {
    return (await this.store.get(`job:${this.id}:done`)) === '1';
  }

  // awaits a body read outside a try
  async #run(blob: Blob): Promise<number> {
    const buf = await blob.arrayBuffer();
    return buf.byteLength;
  }

  poll(blob: Blob) {
    // expect: [floating-promise] ".then() chain"
    this.isFinished().then((done) => {
      // expect: [floating-promise] ".then() chain"
      if (done) Job.fromId(this.store, this.id).then((j) => console.log(j));
    });
    // .catch() with no handler handles nothing
    // expect: [floating-promise] ".catch() chain"
    this.#run(blob).catch();
    // expect: [floating-promise] "'#run'"
    this.#run(blob);
    // expect-note@-16: "declared async here"
  }
}
export { Job };
