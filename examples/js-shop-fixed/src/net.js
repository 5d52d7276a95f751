// net.js - a stand-in for fetch(): no network. Answers the few URLs the shop
// calls after a short random delay, and records every request so the smoke
// test can count them. The source files import { fetch } from here instead of
// using the global one.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const requests = []; // { url, method, body }, in arrival order
const failing = new Set(); // hosts that answer 503
let stockFeed = [];

export function setStockFeed(list) {
  stockFeed = list;
}

export function setFailing(host, fail) {
  if (fail) failing.add(host);
  else failing.delete(host);
}

export async function fetch(url, init = {}) {
  const { hostname } = new URL(url);
  requests.push({ url: String(url), method: init.method ?? 'GET', body: init.body });
  await sleep(Math.random() * 5);
  if (failing.has(hostname)) return response(503, { error: 'unavailable' });
  if (hostname === 'fx.invalid') return response(200, { rate: 1.25 });
  if (hostname === 'warehouse.invalid') return response(200, stockFeed);
  return response(200, { ok: true });
}

function response(status, body) {
  return { ok: status < 300, status, json: async () => body };
}
