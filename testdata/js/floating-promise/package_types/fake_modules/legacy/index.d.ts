declare class Legacy {
    connect(): Promise<void>;
    disconnect(): void;
}
export = Legacy;
