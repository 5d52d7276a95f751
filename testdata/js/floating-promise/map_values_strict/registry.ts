// racelint:strict: a value taken out of a Map whose value type is written
// (`Map<string, Session>`, `new Map<string, Session>()`, a ReadonlyMap
// parameter) has that type, so its async methods' promises are known.
// Near misses: a Map of another module's `Map` class, a value type left to
// inference, a `get` with another arity, a union in the ternary.
import { Map as Dict } from './dict';

class Session {
  async close(): Promise<void> {
    await fetch('/close');
  }
  touch(): void {}
}

export class Registry {
  private byId = new Map<string, Session>();
  private byUser: Map<string, Session> = new Map();
  private loose = new Map();
  private other = new Dict<string, Session>();

  drop(id: string, user: string, view: ReadonlyMap<string, Session>, fallback: Session): void {
    const s = this.byId.get(id);
    s?.close(); // expect: [floating-promise] "'close'"
    const u = user ? this.byUser.get(user) : undefined;
    u!.close(); // expect: [floating-promise] "'close'"
    const v = view.get(id)!;
    v.close(); // expect: [floating-promise] "'close'"
    v.touch();
    const w = this.loose.get(id);
    w.close();
    const x = this.other.get(id);
    x.close();
    const y = user ? this.byUser.get(user) : fallback;
    y?.close();
    const z = this.byId.get(id, user);
    z.close();
  }
}
