export interface Store {
    put(key: string, value: string): Promise<void>;
    get(key: string): string | undefined;
}
export declare function open(path: string): Promise<Store>;
export declare function openSync(path: string): Store;
