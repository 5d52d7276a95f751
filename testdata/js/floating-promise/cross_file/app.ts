// TypeScript importer: the same resolution through .ts modules.
import { reindex } from './indexer';
import { sync } from './local-sync.js';
import * as jobs from './jobs.js';

export class Nightly {
  run(account: string): void {
    reindex(account); // expect: [floating-promise] "'reindex'"
    jobs.purge(account as string); // expect: [floating-promise] "'purge'"
    sync(account); // synchronous: fine
    void jobs.sync(account);
    jobs.sync(account).catch((e: unknown) => console.error(e));
  }
}
