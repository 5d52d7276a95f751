import { useEffect } from 'react';

export function Refresher({ ids }: { ids: string[] }) {
  useEffect(() => {
    ids.forEach(async (id) => { await fetch(`/api/${id}`); }); // expect: [callback-promise-mix]
  }, [ids]);
  // Near-miss: a synchronous handler in JSX.
  return <ul>{ids.map((id) => <li key={id} onClick={() => console.log(id)}>{id}</li>)}</ul>;
}
