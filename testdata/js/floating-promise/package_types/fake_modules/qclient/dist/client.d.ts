import { Base } from './base';
declare class Client extends Base {
    get(key: string): Promise<string | null>;
    set(key: string, value: string): void;
}
export default Client;
