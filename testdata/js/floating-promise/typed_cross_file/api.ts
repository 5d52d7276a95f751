// expect-none
import type { Later } from './types';

export function delay(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms < 0) reject(new RangeError('ms'));
    setTimeout(resolve, ms);
  });
}

export function flushLater(): Later {
  return fetch('/flush').then(() => undefined);
}

export function now(): number {
  return Date.now();
}
