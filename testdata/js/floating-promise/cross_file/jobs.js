// expect-none
export async function sync(account) {
  await fetch(`/sync/${account}`, { method: 'POST' });
}
export async function purge(account) {
  await fetch(`/purge/${account}`, { method: 'POST' });
}
export function format(account) { return `#${account}`; }
export async function* history(account) { yield fetch(`/history/${account}`); }
export async function ping() {
  try {
    await fetch('/ping');
  } catch (e) {
    console.warn('ping failed', e);
  }
}
