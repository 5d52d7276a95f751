// Calls of APIs whose promise-ness is declared only in the .d.ts of
// packages under this case's own node_modules: `types`, `typings`,
// `exports` conditions, @types/<name>, star and named re-exports, a
// default export, `export =`, a base class in another declaration file.
import { Queue, Client, connect, parse } from 'qclient';
import { fetchAll, fetchSync } from 'untyped-lib';
import * as kv from '@scope/kv';
import type { Store } from '@scope/kv';
import Legacy from 'legacy';
import { load } from 'shadow';
import { vanish } from 'not-installed';

export class Worker {
  private readonly queue = new Queue('jobs');

  constructor(private client: Client, private legacy: Legacy) {}

  run(store: Store): void {
    this.queue.add('a'); // expect: [floating-promise] "'add'"
    this.queue.close(); // expect: [floating-promise] "'close'"
    this.client.get('k'); // expect: [floating-promise] "'get'"
    this.client.quit(); // expect: [floating-promise] "'quit'"
    this.legacy.connect(); // expect: [floating-promise] "'connect'"
    store.put('k', 'v'); // expect: [floating-promise] "'put'"
    connect('redis://x'); // expect: [floating-promise] "'connect'"
    fetchAll(); // expect: [floating-promise] "'fetchAll'"
    kv.open('/tmp/db'); // expect: [floating-promise] "'open'"
  }

  // near misses: same packages, members that return no promise, or whose
  // declaration says nothing sure, or promises that are handled
  async quiet(store: Store): Promise<void> {
    this.queue.count();
    this.queue.pause(); // Promise<void> | void: unknown
    this.queue.on('done', () => undefined);
    this.client.set('k', 'v');
    this.client.ping();
    this.legacy.disconnect();
    store.get('k');
    parse('redis://x');
    fetchSync();
    kv.openSync('/tmp/db');
    load(); // the package's own `Promise` interface
    vanish(); // not installed: nothing is known
    await this.queue.add('b');
    void this.queue.close();
    this.client.get('k').then(undefined, (e: unknown) => console.error(e));
  }
}
