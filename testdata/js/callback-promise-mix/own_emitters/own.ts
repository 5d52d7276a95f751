// The project's own emitter, not Node's: its `on` takes listeners written
// to return void (through an alias), so their promises are dropped; and a
// hook registry whose `on` awaits its handlers (not an emitter).
// expect-none
export type Handler<T = unknown> = (event: T) => void;

export class Emitter<E> {
  #handlers = new Map<string, Handler<E>[]>();
  on(type: string, handler: Handler<E>): this {
    const list = this.#handlers.get(type) ?? [];
    list.push(handler);
    this.#handlers.set(type, list);
    return this;
  }
  emit(type: string, event: E): void {
    for (const h of this.#handlers.get(type) ?? []) h(event);
  }
}

export class Session extends Emitter<string> {
  id = 1;
}

export class Hooks {
  #list: Array<() => Promise<void>> = [];
  async on(name: string, fn: () => Promise<void>): Promise<void> {
    this.#list.push(fn);
    await fn();
  }
}

/* a listener type that allows promises: a caller may await them */
export class Waiter {
  on(type: string, fn: (e: string) => Promise<void> | void): this {
    void type;
    void fn;
    return this;
  }
}
