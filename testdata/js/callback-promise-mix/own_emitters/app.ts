// Async listeners on emitters whose class is declared in another file of
// the project, or in a package's .d.ts, and near misses.
import { Bus, Hub, SafeBus, SerialBus, TypedBus } from './events';
import { Session, Hooks, Waiter, Emitter } from './own';
import { Conn, Pool, Queue } from 'wirepool';

async function work(tag: string): Promise<void> {
  await fetch(`/work/${tag}`);
}

async function onJob(job: string): Promise<void> {
  await work(job);
}

export function wire(bus: Bus, tb: TypedBus, hub: Hub, s: Session, c: Conn, pool: Pool): void {
  bus.on('a', async () => { await work('a'); }); // expect: [callback-promise-mix] "'a' listener"
  tb.once('b', async () => { await work('b'); }); // expect: [callback-promise-mix] "'b' listener"
  tb.prependListener('c', onJob); // expect: [callback-promise-mix] "'c' listener"
  hub.addListener('d', async function () { await work('d'); }); // expect: [callback-promise-mix] "'d' listener"
  s.on('e', async (ev) => { await work(ev); }); // the project's own emitter: strict only
  c.on('ready', async () => { await c.query('select 1'); }); // expect: [callback-promise-mix] "'ready' listener"
  pool.on('error', async () => { await pool.end(); }); // expect: [callback-promise-mix] "'error' listener"
  // the rejection handler rethrows: still reported
  // expect@+1: [callback-promise-mix] "'q' listener"
  bus.on('q', async () => {
    await work('q').catch((err) => {
      throw new Error(`q: ${String(err)}`);
    });
  });
  const local = new TypedBus();
  local.on('f', async () => { await work('f'); }); // expect: [callback-promise-mix] "'f' listener"
}

export class Worker extends TypedBus {
  start(): void {
    this.on('job', async (j: string) => { await work(j); }); // expect: [callback-promise-mix] "'job' listener"
  }
}

export class Service {
  private readonly events: Emitter<string>;
  constructor(events: Emitter<string>) {
    this.events = events;
  }
  start(): void {
    this.events.on('g', async () => { await work('g'); }); // own emitter: strict only
  }
}

// near misses: not reported
export function quiet(bus: Bus, safe: SafeBus, serial: SerialBus, hooks: Hooks, w: Waiter,
                      q: Queue, tb: TypedBus): void {
  // the listener catches everything
  bus.on('h', async () => {
    try {
      await work('h');
    } catch (err) {
      console.error(err);
    }
  });
  // every await's promise is given a handler that neither awaits nor throws
  bus.on('p', async () => {
    await work('p').catch((err) => console.error(err));
  });
  safe.on('i', async () => { await work('i'); }); // its `on` catches the listener's promise
  serial.on('j', async () => { await work('j'); }); // its `emit` awaits the listeners
  void hooks.on('k', async () => { await work('k'); }); // not an emitter: `on` awaits the handler
  w.on('l', async () => { await work('l'); }); // the listener type allows a promise
  q.on('m', async () => { await work('m'); }); // a package class that is no emitter
  tb.on('n', (v: string) => { console.log(v); }); // not async
  const untyped = makeBus();
  untyped.on('o', async () => { await work('o'); }); // type not written: unknown
}

declare function makeBus(): Bus;
