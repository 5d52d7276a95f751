import { Later } from './base';
export interface Job {
    id: string;
}
export declare class Queue {
    constructor(name: string);
    add(name: string, data?: unknown): Promise<Job>;
    close(): Later;
    count(): number;
    pause(): Promise<void> | void;
    on(event: string, listener: () => void): this;
}
export declare function connect(url: string): Promise<Queue>;
export declare function parse(url: string): URL;
