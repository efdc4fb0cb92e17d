import { describe, expect, it } from 'vitest';
import { amountProblem, isSixDigitCode, isValidAccountName, isValidEmail, isValidMobile, toDecimal } from '.';

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

describe('amountProblem', () => {
  it('accepts positive amounts with up to two decimals', () => {
    for (const ok of ['1', '0.01', '100.5', '100.50', ' 12.30 ']) expect(amountProblem(ok), ok).toBeUndefined();
  });
  it('names the problem', () => {
    expect(amountProblem('')).toBe('required');
    expect(amountProblem(undefined)).toBe('required');
    expect(amountProblem('abc')).toBe('format');
    expect(amountProblem('-1')).toBe('format');
    expect(amountProblem('1e3')).toBe('format');
    expect(amountProblem('0')).toBe('positive');
    expect(amountProblem('0.00')).toBe('positive');
    expect(amountProblem('1.234')).toBe('decimals');
    expect(amountProblem('10000000000000')).toBe('tooLarge');
  });
  it('formats for the Decimal scalar', () => {
    expect(toDecimal('12.3')).toBe('12.30');
    expect(toDecimal('007')).toBe('7.00');
    expect(toDecimal('0.5')).toBe('0.50');
    expect(toDecimal(' 100.25 ')).toBe('100.25');
  });
});

describe('isSixDigitCode', () => {
  it('wants six digits', () => {
    expect(isSixDigitCode('123456')).toBe(true);
    expect(isSixDigitCode('12345')).toBe(false);
    expect(isSixDigitCode('12345a')).toBe(false);
  });
});
