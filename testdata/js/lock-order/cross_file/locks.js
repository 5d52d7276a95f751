// Module mutexes shared by the order and refund paths.
// expect-none
import { Mutex } from 'async-mutex';

export const inventoryLock = new Mutex();
export const ledgerLock = new Mutex();
const auditMutex = new Mutex();
export { auditMutex as auditLock };
