// Its own type named Promise: not the built-in one.
export interface Promise<T> {
    value: T;
}
export declare function load(): Promise<string>;
