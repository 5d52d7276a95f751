// expect-none
export type Later = Promise<void>;

export interface Redis {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Later;
  quit(): void;
}

export interface Cache extends Redis {
  ttl(key: string): number;
}

export default class Pool {
  async drain(): Promise<void> {
    await fetch('/drain');
  }
  size(): number {
    return 0;
  }
}
