// A class of the project that happens to be called Map.
// expect-none
export class Map<K, V> {
  private items: Array<[K, V]> = [];
  get(key: K): V | undefined {
    return this.items.find(([k]) => k === key)?.[1];
  }
}
