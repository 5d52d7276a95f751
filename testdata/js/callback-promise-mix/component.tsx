// expect-none: racelint:recommended; racelint:strict reports the async callback of forEach below (component_strict/)
import { useEffect } from 'react';

export function Refresher({ ids }: { ids: string[] }) {
  useEffect(() => {
    ids.forEach(async (id) => { await fetch(`/api/${id}`); }); // racelint:strict only (component_strict/): async callback of forEach
  }, [ids]);
  // Near-miss: a synchronous handler in JSX.
  return <ul>{ids.map((id) => <li key={id} onClick={() => console.log(id)}>{id}</li>)}</ul>;
}
