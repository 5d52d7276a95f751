// The project's own runtime (@racelint/runtime): lazy(fn) returns a function
// whose call always returns a promise, and settleAll/withLocks return one.
import { lazy, once, settleAll, withLocks } from '@racelint/runtime';

const getClient = lazy(async () => ({ query: async (sql) => sql }));
const init = once(() => 42); // once(fn) returns fn's result: not a promise here

export function warm() {
  getClient(); // expect: [floating-promise] "'getClient'"
}

export function flush(jobs, a, b) {
  settleAll(jobs); // expect: [floating-promise] "'settleAll'"
  withLocks([a, b], () => jobs.length); // expect: [floating-promise] "'withLocks'"
}

export async function handled(jobs) {
  const client = await getClient();
  settleAll(jobs).catch((err) => console.error(err));
  init(); // near miss: once() of a plain function
  return client;
}
