// expect-none
// A tsd type test: type-checked, never run, so nothing floats at run time.
import { expectType } from 'tsd';
import { start } from './helper';

start().request('/').then((res) => {
  expectType<number>(res.statusCode);
});
