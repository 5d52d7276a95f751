// expect-none: racelint:recommended; racelint:strict reports the Node-style callback in an async function below (node_callback_strict/)
// TypeScript Node-style callbacks inside async functions.
import * as fs from 'fs';

type Cb<T> = (err: NodeJS.ErrnoException | null, value?: T) => void;
declare function lookup(key: string, cb: Cb<string>): void;

export async function readJson(path: string): Promise<unknown> {
  fs.readFile(path, 'utf8', (err: NodeJS.ErrnoException | null, text: string) => {
    if (err) throw err; // racelint:strict only (node_callback_strict/): Node-style callback in an async function
    return JSON.parse(text); // racelint:strict only (node_callback_strict/): Node-style callback in an async function
  });
  return undefined;
}

export class Cache {
  private value?: string;

  async refresh(key: string): Promise<void> {
    lookup(key, (error, value) => {
      if (error !== null) throw error; // racelint:strict only (node_callback_strict/): Node-style callback in an async function
      this.value = value;
    });
  }

  async get(key: string): Promise<string | undefined> {
    lookup(key, (e, v) => {
      if (!e) return v; // racelint:strict only (node_callback_strict/): Node-style callback in an async function
    });
    return this.value;
  }

  // Near-misses
  async viaPromise(key: string): Promise<string | undefined> {
    return new Promise<string | undefined>((resolve, reject) => {
      lookup(key, (err, v) => (err ? reject(err) : resolve(v)));
    });
  }

  async controlFlow(key: string, done: Cb<string>): Promise<void> {
    lookup(key, (err, v) => {
      if (err) return done(err);
      if (!v) return;
      done(null, v);
    });
  }

  async logged(key: string): Promise<void> {
    lookup(key, (err: Error | null, v?: string) => {
      if (err !== null) return console.warn(err.message);
      this.value = v;
    });
  }

  sync(key: string): void {
    lookup(key, (err) => {
      if (err) throw err;
    });
  }

  async indices(xs: string[]): Promise<number[]> {
    return xs.map((e: string, i: number) => { if (e) return i; return -1; });
  }
}
