// expect-none
import { Mutex } from 'async-mutex';
export const journalLock = new Mutex();
export const indexLock = new Mutex();
