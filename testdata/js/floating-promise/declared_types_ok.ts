// Near-misses of declared types: handled, voided, awaited or returned
// promises; same-named methods of unrelated types; overloads that return
// void; generics whose promise-ness is not spelled; local types named
// Promise.
// expect-none
interface Emitter {
  close(): void;
  send(msg: string): boolean;
}

interface Socket {
  close(): Promise<void>;
}

function notify(id: string): void;
function notify(id: string, wait: true): Promise<void>;
function notify(id: string, wait?: boolean): Promise<void> | void {
  if (wait) return Promise.resolve();
  console.log(id);
}

function run<T>(fn: () => T): T {
  return fn();
}

function maybe(): Promise<void> | void {
  return undefined;
}

async function* ticks(): AsyncGenerator<number> {
  yield 1;
}

class Cache {
  get ready(): Promise<void> {
    return Promise.resolve();
  }
  load(): Promise<void> {
    return Promise.resolve();
  }
}

export async function use(e: Emitter, s: Socket, c: Cache): Promise<void> {
  e.close(); // Emitter.close returns void; Socket.close is another type
  e.send('x');
  notify('a'); // the void overload
  run(() => 1);
  maybe(); // promise or void: not spelled as a promise
  ticks();
  c.ready;
  void s.close();
  await s.close();
  s.close().catch((err: unknown) => console.error(err));
  c.load().then(() => undefined, (err: unknown) => console.error(err));
}

export function back(s: Socket): Promise<void> {
  return s.close();
}

export function pending(c: Cache): Promise<void>[] {
  const all: Promise<void>[] = [];
  all.push(c.load());
  return all;
}

// thenable look-alikes that refer to each other: unknown, and finite
interface Ping { then(): Pong; }
interface Pong { then(): Ping; }
function ping(): Ping { return null as unknown as Ping; }
interface Loop extends Loop2 { run(): void; }
interface Loop2 extends Loop { go(): Promise<void>; }
export function spin(l: Loop): void {
  ping();
  l.run();
}
