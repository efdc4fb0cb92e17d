import { describe, expect, it } from 'vitest';
import { cleanCode, isSixDigitCode, isValidAccountName, isValidEmail, isValidMobile } from '.';

describe('isValidMobile', () => {
  it('accepts country code, one hyphen, number', () => {
    expect(isValidMobile('0086-13912345678')).toBe(true);
    expect(isValidMobile('1-2')).toBe(true);
  });
  it('refuses other shapes', () => {
    for (const bad of ['', '13912345678', '0086--139', '0086-139-1', '+86-139', '0086-139 1234', '-139', '0086-', '0086-13a']) {
      expect(isValidMobile(bad), bad).toBe(false);
    }
  });
  it('allows at most 32 characters', () => {
    expect(isValidMobile(`1-${'2'.repeat(30)}`)).toBe(true);
    expect(isValidMobile(`1-${'2'.repeat(31)}`)).toBe(false);
  });
});

describe('account name and email', () => {
  it('checks the login name', () => {
    expect(isValidAccountName('demo01')).toBe(true);
    expect(isValidAccountName('abc')).toBe(false);
    expect(isValidAccountName('1abc')).toBe(false);
    expect(isValidAccountName('a.b_c-d')).toBe(true);
  });
  it('checks emails', () => {
    expect(isValidEmail('a@example.com')).toBe(true);
    expect(isValidEmail('a@example')).toBe(false);
    expect(isValidEmail('a b@example.com')).toBe(false);
    expect(isValidEmail('a@@example.com')).toBe(false);
  });
});

describe('isSixDigitCode', () => {
  it('wants six digits', () => {
    expect(isSixDigitCode('123456')).toBe(true);
    expect(isSixDigitCode('12345')).toBe(false);
    expect(isSixDigitCode('12345a')).toBe(false);
    expect(isSixDigitCode('012345')).toBe(true);
    expect(isSixDigitCode('1234567')).toBe(false);
    expect(isSixDigitCode(undefined)).toBe(false);
  });
  it('keeps six digits of what was typed', () => {
    expect(cleanCode(' 123 456 ')).toBe('123456');
    expect(cleanCode('12-34-56-78')).toBe('123456');
    expect(cleanCode('abc')).toBe('');
  });
});
