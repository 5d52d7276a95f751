// Promises known from the types the source writes: return types of
// functions and methods, the declared type of a parameter, a field, a
// constructor parameter property or a variable.
type Deferred<T> = Promise<T>;
type MaybeLater = PromiseLike<void> | undefined;

declare function wait(ms: number): Promise<void>;

function delay(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms < 0) reject(new RangeError('ms'));
    setTimeout(resolve, ms);
  });
}

function later(): Deferred<number> {
  return fetch('/count').then((r) => r.status);
}

const pause: (ms: number) => Promise<void> = (ms) => delay(ms);

interface ChildProcessLike {
  kill(signal: string): boolean;
  terminate(): Promise<void>;
  stop: () => Promise<void>;
}

abstract class Store {
  abstract flush(): Promise<void>;
  abstract size(): number;
}

class Queue {
  async add(job: string): Promise<void> {
    await fetch(`/jobs/${job}`);
  }
  drain(): MaybeLater {
    return undefined;
  }
}

class Worker {
  private readonly queue = new Queue();

  constructor(private readonly child: ChildProcessLike, private store: Store) {}

  shutdown(): void {
    this.child.terminate(); // expect: [floating-promise] "'terminate'"
    this.child.stop(); // expect: [floating-promise] "'stop'"
    this.store.flush(); // expect: [floating-promise] "'flush'"
    this.queue.add('x'); // expect: [floating-promise] "'add'"
    this.queue.drain(); // expect: [floating-promise] "'drain'"
    this.child.kill('SIGTERM');
    this.store.size();
  }
}

export function main(child: ChildProcessLike, q: Queue): void {
  delay(50); // expect: [floating-promise] "'delay'"
  wait(10); // expect: [floating-promise] "'wait'"
  later(); // expect: [floating-promise] "'later'"
  pause(5); // expect: [floating-promise] "'pause'"
  child.terminate(); // expect: [floating-promise] "'terminate'"
  q.add('y'); // expect: [floating-promise] "'add'"
  const local: Queue = new Queue();
  local.add('z'); // expect: [floating-promise] "'add'"
  new Worker(child, { flush: async () => {}, size: () => 0 } as unknown as Store).shutdown();
}
