import { describe, expect, it } from 'vitest';
import { cleanCode, groupSecret, isSixDigitCode, secretFromUri } from './code';

describe('authenticator codes', () => {
  it('keeps six digits of what was typed', () => {
    expect(cleanCode(' 123 456 ')).toBe('123456');
    expect(cleanCode('12-34-56-78')).toBe('123456');
    expect(cleanCode('abc')).toBe('');
  });

  it('accepts exactly six digits', () => {
    expect(isSixDigitCode('012345')).toBe(true);
    expect(isSixDigitCode('12345')).toBe(false);
    expect(isSixDigitCode('1234567')).toBe(false);
    expect(isSixDigitCode(undefined)).toBe(false);
  });

  it('reads the secret from an otpauth URI and groups it', () => {
    expect(secretFromUri('otpauth://totp/PC:a%40b.com?secret=JBSWY3DPEHPK3PXP&issuer=PC')).toBe('JBSWY3DPEHPK3PXP');
    expect(secretFromUri('not a uri')).toBeNull();
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
  });
});
