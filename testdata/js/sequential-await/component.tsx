import { useEffect, useState } from 'react';

async function getUser(id: string): Promise<string> { return (await fetch(`/u/${id}`)).text(); }
async function getPosts(id: string): Promise<string> { return (await fetch(`/p/${id}`)).text(); }

export function Profile({ id }: { id: string }) {
  const [data, setData] = useState<string[]>([]);
  useEffect(() => {
    (async () => {
      const user = await getUser(id);
      const posts = await getPosts(id); // expect: [sequential-await] "'getPosts'"
      setData([user, posts]);
    })().catch(console.error);
  }, [id]);
  return <ul>{data.map((d) => <li key={d}>{d}</li>)}</ul>;
}
