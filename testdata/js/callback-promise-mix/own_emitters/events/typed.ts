// A subclass of a subclass: Bus is declared in bus.ts.
// expect-none
import { Bus } from './bus';

export class TypedBus extends Bus {
  topic = 'jobs';
}
