import { EventEmitter } from 'node:events';
export declare class Base extends EventEmitter {
  end(): Promise<void>;
}
