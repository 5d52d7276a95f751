// ESLint directives that turn off the typescript-eslint rule a racelint
// rule mirrors turn the racelint rule off on the same lines; they are
// the project's comments for ESLint, so they are never reported unused.

async function flush(batch: string[]): Promise<void> {
  await Promise.all(batch.map((b) => fetch(b)));
}

export class Relay {
  onTick(batch: string[]): void {
    // eslint-disable-next-line @typescript-eslint/no-floating-promises -- flush logs its own errors
    flush(batch);
    flush(batch); // eslint-disable-line @typescript-eslint/no-floating-promises
    // eslint-disable-next-line no-console, @typescript-eslint/no-floating-promises
    flush(batch);
    /* eslint-disable-next-line promise/catch-or-return */
    flush(batch);
  }

  listen(ids: string[]): void {
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    ids.forEach(async (id) => { await flush([id]); });
  }

  /* eslint-disable @typescript-eslint/no-floating-promises */
  inRange(batch: string[]): void {
    flush(batch);
  }
  /* eslint-enable @typescript-eslint/no-floating-promises */

  // Near misses: a directive for other rules, one naming no rule, one on
  // the wrong line, the other typescript-eslint rule, a mention in prose,
  // and code after the range closed: all still reported.
  afterRange(batch: string[]): void {
    flush(batch); // expect: [floating-promise]
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    flush(batch); // expect: [floating-promise]
    // eslint-disable-next-line
    flush(batch); // expect: [floating-promise]
    // eslint-disable-next-line @typescript-eslint/no-floating-promises

    flush(batch); // expect: [floating-promise]
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    flush(batch); // expect: [floating-promise]
    // no eslint-disable-next-line @typescript-eslint/no-floating-promises here
    flush(batch); // expect: [floating-promise]
    // eslint-disable-next-line @typescript-eslint/no-floating-promises-extra
    flush(batch); // expect: [floating-promise]
  }
}
