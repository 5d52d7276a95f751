// expect-none
// The slot is claimed before the first await: a second call returns early.
export class Loader {
  async load() {
    if (this.loading || this.data) return;
    this.loading = true;
    try {
      this.data = await fetchData();
    } finally {
      this.loading = false;
    }
  }
}
