// TSX: a component module with a module-level counter.
import * as React from 'react';
import { track } from './api';

let clicks = 0;

export function Button(): JSX.Element {
  const onClick = async () => {
    clicks = clicks + (await track('click')); // expect: [shared-mutable-state] "'clicks'"
  };
  const onHover = async () => {
    await track('hover');
    clicks += 1; // fine: no await between the read and the write
  };
  return <button onClick={onClick} onMouseOver={onHover}>{clicks}</button>;
}
