import { createContext, useContext } from 'react';

/** Replaces the urql client (and so drops its cache); a no-op outside ClientProvider. */
export const ResetClientContext = createContext<() => void>(() => {});

/** Returns the function that drops every cached result, for login and logout. */
export function useResetClient(): () => void {
  return useContext(ResetClientContext);
}
