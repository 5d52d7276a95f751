import { useEffect } from 'react';

async function save(id: string): Promise<void> {
  await fetch(`/api/items/${id}`, { method: 'PUT' });
}

function track(id: string): void { console.log(id); }

export function Item({ id }: { id: string }) {
  useEffect(() => {
    save(id); // expect: [floating-promise] "the code after line"
    const t = setInterval(() => save(id), 1000); // expect: [floating-promise] "setInterval callback"
    return () => clearInterval(t);
  }, [id]);
  return (
    <div>
      <button onClick={() => save(id)}>Save</button> {/* expect: [floating-promise] "'onClick' handler" */}
      <button onClick={() => { save(id).catch(console.error); }}>Save safely</button>
      <button onClick={() => track(id)}>Track</button>
      <button onClick={async () => { try { await save(id); } catch (e) { console.error(e); } }}>Save and wait</button>
    </div>
  );
}
