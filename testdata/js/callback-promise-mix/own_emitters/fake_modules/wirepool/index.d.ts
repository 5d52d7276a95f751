import { EventEmitter } from 'events';
import { Base } from './base';
export declare class Conn extends EventEmitter {
  query(sql: string): Promise<unknown>;
}
export declare class Pool extends Base {
  size: number;
}
export declare class Queue {
  on(event: string, fn: (job: string) => Promise<void>): this;
}
