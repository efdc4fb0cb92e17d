import { describe, expect, it } from 'vitest';
import { groupSecret, secretFromUri } from './code';

describe('authenticator codes', () => {
  it('reads the secret from an otpauth URI and groups it', () => {
    expect(secretFromUri('otpauth://totp/PC:a%40b.com?secret=JBSWY3DPEHPK3PXP&issuer=PC')).toBe('JBSWY3DPEHPK3PXP');
    expect(secretFromUri('not a uri')).toBeNull();
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
  });
});
