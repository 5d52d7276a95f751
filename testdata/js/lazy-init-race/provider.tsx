import { useEffect, useRef, useState } from 'react';

let sdk: Sdk | undefined;

async function getSdk(): Promise<Sdk> {
  if (!sdk) sdk = await loadSdk(); // expect: [lazy-init-race]
  return sdk;
}

export function Map({ id }: { id: string }) {
  const ref = useRef<Sdk | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // Near-miss: the await is before the check, so nothing runs between check and write.
    (async () => {
      const s = await getSdk();
      if (!ref.current) ref.current = s;
      setReady(true);
    })();
  }, [id]);
  return <div data-ready={ready} />;
}
