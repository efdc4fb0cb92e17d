// Holds the urql client and lets login/logout swap it for a fresh one (empty cache).
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createClient, type ClientOptions } from './client';
import { ResetClientContext } from './resetClient';

export function ClientProvider({ options, children }: { options: ClientOptions; children: ReactNode }) {
  const [client, setClient] = useState(() => createClient(options));
  const reset = useCallback(() => setClient(createClient(options)), [options]);
  const value = useMemo(() => reset, [reset]);
  return (
    <ResetClientContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </ResetClientContext.Provider>
  );
}
