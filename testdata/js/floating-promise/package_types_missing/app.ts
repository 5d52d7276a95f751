// expect-none
// The same calls as package_types/app.ts, but no node_modules is installed
// above this case: what the packages declare is unknown, so nothing is
// reported (the run says once that package types were not found).
import { Queue, connect } from 'qclient-absent';
import * as kv from '@scope/kv-absent';
import type { Store } from '@scope/kv-absent';

export class Worker {
  private readonly queue = new Queue('jobs');

  run(store: Store): void {
    this.queue.add('a');
    store.put('k', 'v');
    connect('redis://x');
    kv.open('/tmp/db');
  }
}
