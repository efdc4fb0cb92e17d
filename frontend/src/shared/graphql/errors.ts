// Reading the server's error contract: top-level GraphQL errors carry extensions.code.
import type { CombinedError } from 'urql';

/** True when the server says the session is missing or expired. */
export function isUnauthenticated(error: CombinedError | undefined | null): boolean {
  if (!error) return false;
  if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return true;
  return error.response?.status === 401;
}

/**
 * The message to show a person: the server's own message for GraphQL errors,
 * the given fallback for network failures.
 */
export function errorMessage(error: CombinedError, networkFallback: string): string {
  const first = error.graphQLErrors[0];
  if (first?.message) return first.message;
  return networkFallback;
}
