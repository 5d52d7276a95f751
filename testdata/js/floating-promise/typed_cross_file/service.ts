// Calls of another file's functions and methods whose declarations say
// they return a promise, through re-exports, `import type`, a default
// export, a namespace import and an interface's `extends`.
import type { Redis, Cache } from './index';
import { delay, now } from './index';
import Pool from './types';
import * as api from './api';

interface Mailer {
  set(key: string, value: string): void;
}

export class Service {
  constructor(private readonly client: Redis, private pool: Pool) {}

  stop(cache: Cache, mail: Mailer): void {
    this.client.set('a', 'b'); // expect: [floating-promise] "'set'"
    this.client.get('a'); // expect: [floating-promise] "'get'"
    this.pool.drain(); // expect: [floating-promise] "'drain'"
    cache.set('c', 'd'); // expect: [floating-promise] "'set'"
    delay(5); // expect: [floating-promise] "'delay'"
    api.flushLater(); // expect: [floating-promise] "'flushLater'"
    this.client.quit();
    this.pool.size();
    cache.ttl('c');
    mail.set('e', 'f'); // another type's set returns void
    now();
    void this.client.set('g', 'h');
    this.client.get('i').catch((e: unknown) => console.error(e));
  }
}
