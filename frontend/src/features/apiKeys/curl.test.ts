import { describe, expect, it } from 'vitest';
import { curlExample } from './curl';

describe('curlExample', () => {
  it('sends the key as a bearer token to /graphql', () => {
    const cmd = curlExample('pck_abc.secret', 'https://pc.example.com/');
    expect(cmd).toContain('curl -X POST https://pc.example.com/graphql');
    expect(cmd).toContain('-H "Authorization: Bearer pck_abc.secret"');
    expect(cmd).toContain(`-d '{"query":"{ viewer { partner { name } } }"}'`);
  });
});
