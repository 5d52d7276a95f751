// Async functions handed to callers that ignore their promise: event
// listeners of known emitters, DOM listeners, timers, Promise executors.
import { EventEmitter } from 'events';
import { spawn, ChildProcess } from 'child_process';

async function save(v: string): Promise<void> {
  await fetch(`/save/${v}`, { method: 'POST' });
}

class Bus extends EventEmitter {
  start(): void {
    // expect@+1: [callback-promise-mix] "'tick' listener"
    this.on('tick', async () => {
      await save('tick');
    });
  }
}

export function wire(el: HTMLElement, child: ChildProcess): Bus {
  const emitter = new EventEmitter();
  emitter.on('data', async (v: string) => { await save(v); }); // expect: [callback-promise-mix] "'data' listener"
  emitter.once('end', save); // expect: [callback-promise-mix] "'end' listener"
  process.on('SIGTERM', async () => { await save('bye'); }); // expect: [callback-promise-mix] "'SIGTERM' listener"
  child.on('exit', async () => { await save('exit'); }); // expect: [callback-promise-mix] "'exit' listener"
  spawn('ls').on('close', () => undefined);
  el.addEventListener('click', async () => { await save('click'); }); // expect: [callback-promise-mix] "'click' listener"
  setTimeout(async () => { await save('later'); }, 10); // expect: [callback-promise-mix] "setTimeout callback"
  setInterval(async () => { await save('tick'); }, 1000); // expect: [callback-promise-mix] "setInterval callback"
  setImmediate(save, 'now'); // expect: [callback-promise-mix] "setImmediate callback"
  return new Bus();
}

export function load(url: string): Promise<string> {
  // expect@+1: [callback-promise-mix] "async executor passed to new Promise()"
  return new Promise(async (resolve) => {
    const res = await fetch(url);
    resolve(await res.text());
  });
}

export function drain(ids: string[]): Promise<void> {
  // expect@+1: [callback-promise-mix] "async executor"
  return new Promise(async (resolve, reject) => {
    try {
      await save(ids[0]);
    } catch (err) {
      reject(err);
    } finally {
      await save('done'); // a rejection here is lost
    }
    resolve();
  });
}
