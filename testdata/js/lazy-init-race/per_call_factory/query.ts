// expect-none
import { Cursor } from './cursor';
import { Stream } from './stream';

export async function first(db: { fetch(): Promise<string[]> }) {
  const c = new Cursor(db);
  return c.next();
}

export const streams: Stream[] = [];
export function open(db: { fetch(): Promise<string[]> }) {
  streams.push(new Stream(db));
}
