// The example shown with a new key: one request a partner's system can copy.

/** A curl command calling the GraphQL endpoint with the key as a bearer token. */
export function curlExample(key: string, origin: string): string {
  const body = JSON.stringify({ query: '{ viewer { partner { name } } }' });
  return [
    `curl -X POST ${origin.replace(/\/$/, '')}/graphql \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body}'`,
  ].join('\n');
}
