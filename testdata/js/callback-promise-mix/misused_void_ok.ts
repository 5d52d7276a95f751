// Near-misses: handlers that catch everything, synchronous handlers,
// receivers not known to be emitters (frameworks that await their
// handlers: Fastify, Koa, Express 5 routes, Telegraf, Emittery), voided
// work, shadowed timers, a synchronous executor.
// expect-none
import { EventEmitter } from 'events';
import Fastify from 'fastify';
import Koa from 'koa';
import express from 'express';

async function save(v: string): Promise<void> {
  await fetch(`/save/${v}`, { method: 'POST' });
}

export function wire(el: HTMLElement, bot: { on(e: string, f: () => Promise<void>): void }): void {
  const emitter = new EventEmitter();
  emitter.on('data', async (v: string) => {
    try {
      await save(v);
    } catch (err) {
      console.error(err);
    }
  });
  emitter.on('sync', (v: string) => { void save(v); });
  emitter.on('chain', (v: string) => { save(v).catch((e: unknown) => console.error(e)); });
  el.addEventListener('click', async () => {
    const id = el.id;
    try {
      await save(id);
    } catch {
      // reported elsewhere
    } finally {
      el.classList.remove('busy');
    }
  });
  bot.on('message', async () => { await save('m'); }); // unknown receiver type: its own API
  setTimeout(() => { void save('later'); }, 10);
}

export function frameworks(): void {
  const app = Fastify();
  app.get('/', async () => ({ ok: true }));
  app.addHook('onRequest', async () => { await save('req'); });
  const koa = new Koa();
  koa.use(async (ctx, next) => { await next(); });
  const router = express();
  router.get('/x', async (_req, res) => { res.send(await fetch('/y')); });
}

export function shadowed(): void {
  const setTimeout = (f: () => Promise<void>): Promise<void> => f();
  void setTimeout(async () => { await save('x'); });
}

export function executor(url: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    fetch(url).then(resolve, reject);
  });
}

export function guarded(url: string): Promise<string> {
  // eslint's no-async-promise-executor would flag it; every await is caught
  return new Promise(async (resolve, reject) => {
    try {
      const res = await fetch(url);
      resolve(await res.text());
    } catch (err) {
      reject(err);
    }
  });
}

export function each(ids: string[]): Promise<void> {
  return new Promise(async (resolve, reject) => {
    for (const id of ids) {
      try {
        await save(id);
      } catch (err) {
        reject(err);
      }
    }
    resolve();
  });
}
