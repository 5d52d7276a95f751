// The default preset: a value taken out of a Map is not typed (it is under
// racelint:strict, testdata map_values_strict/), so nothing is reported.
// expect-none
class Session {
  async close(): Promise<void> {
    await fetch('/close');
  }
}

export class Registry {
  private byId = new Map<string, Session>();

  drop(id: string): void {
    const s = this.byId.get(id);
    s?.close();
  }
}
