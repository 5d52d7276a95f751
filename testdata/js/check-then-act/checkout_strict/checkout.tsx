import { useState } from 'react';

export function Checkout({ api, sku }: { api: Api; sku: string }) {
  const [msg, setMsg] = useState('');
  const buy = async () => {
    const stock = await api.getStock(sku);
    if (stock <= 0) return setMsg('sold out');
    await api.setStock(sku, stock - 1); // expect: [check-then-act]
    setMsg('bought');
  };
  // Near-miss: the server does the check and the write in one request.
  const buyAtomic = async () => setMsg((await api.post(`/buy/${sku}`)).ok ? 'bought' : 'sold out');
  return <button onClick={buy} onDoubleClick={buyAtomic}>{msg || 'Buy'}</button>;
}
