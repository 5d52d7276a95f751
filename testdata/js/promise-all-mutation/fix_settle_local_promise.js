// fix-enable: promise-all-mutation
// No fix for a `Promise` that is not the global one: a library imported
// under that name may mean something else by all().
import Promise from 'bluebird';
import { save } from './store.js';

export async function saveAll(items) {
  await Promise.all(items.map((i) => save(i))); // expect: [promise-all-mutation]
}
