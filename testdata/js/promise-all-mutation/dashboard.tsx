import { useState } from 'react';

export function BulkArchive({ ids, api }: { ids: string[]; api: Api }) {
  const [busy, setBusy] = useState(false);
  const archive = async () => {
    setBusy(true);
    await Promise.all(ids.map((id) => api.post(`/archive/${id}`))); // expect: [promise-all-mutation]
    setBusy(false);
  };
  // Near-miss: reads for display.
  const refresh = async () => Promise.all(ids.map((id) => api.get(`/items/${id}`)));
  return <button disabled={busy} onClick={archive} onMouseEnter={refresh}>Archive</button>;
}
