// The urql client: same-origin /graphql, session in the HttpOnly pc_session cookie.
import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { isUnauthenticated } from './errors';

export interface ClientOptions {
  /** Called when a query (not a mutation such as login) reports UNAUTHENTICATED. */
  onUnauthenticated?: () => void;
  url?: string;
}

/** Builds a fresh client; a new one also means a fresh cache (used on login/logout). */
export function createClient({ onUnauthenticated, url = '/graphql' }: ClientOptions = {}): Client {
  return new Client({
    url,
    fetchOptions: { credentials: 'include' },
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error, operation) {
          if (operation.kind !== 'mutation' && isUnauthenticated(error)) onUnauthenticated?.();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
