export function fetchAll(): Promise<string[]>;
export function fetchSync(): string[];
