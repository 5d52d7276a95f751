export type Later = PromiseLike<void>;
export declare class Base {
    quit(): Promise<'OK'>;
    ping(): string;
}
