// expect-none
import type { Later } from './types';

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function flushLater(): Later {
  return Promise.resolve();
}

export function now(): number {
  return Date.now();
}
