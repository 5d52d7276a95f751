// TSX: a component handler taking two row locks in argument order.
import * as React from 'react';
import { Mutex } from 'async-mutex';

type Row = { id: string; mutex: Mutex };

export function SwapButton({ a, b }: { a: Row; b: Row }): JSX.Element {
  const onClick = async () => {
    await a.mutex.runExclusive(() => b.mutex.runExclusive(() => undefined)); // expect: [lock-order] "'b.mutex'"
  };
  const onSorted = async () => {
    const [x, y] = [a, b].sort((p, q) => p.id.localeCompare(q.id));
    await x.mutex.runExclusive(() => y.mutex.runExclusive(() => undefined));
  };
  return <button onClick={onClick} onDoubleClick={onSorted}>swap</button>;
}
