// Emitter classes of the project, across files: Node's EventEmitter
// extended here, extended again in typed.ts; an eventemitter3 hub; near
// misses whose own `on` or `emit` awaits or catches the listeners.
// expect-none
import { EventEmitter } from 'node:events';
import EE3 from 'eventemitter3';

export class Bus extends EventEmitter {
  count = 0;
}

export class Hub extends EE3 {}

/* wraps every listener so that its rejection is caught */
export class SafeBus extends EventEmitter {
  on(event: string, fn: (...args: unknown[]) => Promise<void>): this {
    return super.on(event, (...args: unknown[]) => fn(...args).catch(() => undefined));
  }
}

/* emit() awaits the listeners one by one */
export class SerialBus extends EventEmitter {
  async emit(event: string, ...args: unknown[]): Promise<boolean> {
    for (const l of this.listeners(event)) await l(...args);
    return true;
  }
}
