// The project's own emitter (not Node's): on() takes listeners written to
// return void, through an alias; a subclass; and one whose listener type
// allows a promise. Reported under racelint:strict only (app.ts).
// expect-none
export type Listener<T> = (event: T) => void;

export class Signal<T> {
  #ls: Listener<T>[] = [];
  on(_type: string, l: Listener<T>): this {
    this.#ls.push(l);
    return this;
  }
  emit(_type: string, event: T): void {
    for (const l of this.#ls) l(event);
  }
}

export class Channel extends Signal<string> {
  name = 'ch';
}

export class Awaiting {
  on(_type: string, l: (e: string) => Promise<void> | void): this {
    void l;
    return this;
  }
}
