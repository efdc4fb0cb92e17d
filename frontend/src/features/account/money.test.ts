import { describe, expect, it } from 'vitest';
import { amountProblem, compareMoney, formatMoney, normalizeAmount, splitDebitCredit, toCents } from './money';

describe('formatMoney', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatMoney('12.30')).toBe('12.30');
    expect(formatMoney('100000.00')).toBe('100,000.00');
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
    expect(formatMoney('999')).toBe('999.00');
    expect(formatMoney('1000')).toBe('1,000.00');
  });

  it('keeps the sign and drops it for zero', () => {
    expect(formatMoney('-10000.00')).toBe('-10,000.00');
    expect(formatMoney('-0.00')).toBe('0.00');
    expect(formatMoney('+5')).toBe('5.00');
  });

  it('never loses precision on huge values (no floating point)', () => {
    expect(formatMoney('90071992547409931.99')).toBe('90,071,992,547,409,931.99');
    expect(formatMoney('0.10')).toBe('0.10');
    expect(formatMoney('000123.4')).toBe('123.40');
  });

  it('shows what it cannot read unchanged', () => {
    expect(formatMoney('abc')).toBe('abc');
    expect(formatMoney(null)).toBe('-');
    expect(formatMoney('1.234')).toBe('1.234');
  });
});

describe('amountProblem', () => {
  it('accepts positive amounts with at most two decimals', () => {
    for (const ok of ['1', '0.01', '12.3', '12.30', ' 100 ', '999999999999.99']) expect(amountProblem(ok), ok).toBeNull();
  });

  it('refuses empty, zero, negative, malformed and too precise amounts', () => {
    expect(amountProblem('')).toBe('required');
    expect(amountProblem('  ')).toBe('required');
    expect(amountProblem('0')).toBe('positive');
    expect(amountProblem('0.00')).toBe('positive');
    expect(amountProblem('-1')).toBe('format');
    expect(amountProblem('1e3')).toBe('format');
    expect(amountProblem('1,000')).toBe('format');
    expect(amountProblem('.5')).toBe('format');
    expect(amountProblem('1.')).toBe('format');
    expect(amountProblem('1.001')).toBe('decimals');
    expect(amountProblem('1000000000000')).toBe('tooLarge');
  });
});

describe('normalizeAmount', () => {
  it('pads to two decimals and drops leading zeros', () => {
    expect(normalizeAmount('12.3')).toBe('12.30');
    expect(normalizeAmount(' 007 ')).toBe('7.00');
    expect(normalizeAmount('0.5')).toBe('0.50');
  });
});

describe('toCents / compareMoney', () => {
  it('reads cents exactly', () => {
    expect(toCents('-12.3')).toBe(-1230n);
    expect(toCents('0.07')).toBe(7n);
    expect(toCents('1.001')).toBeNull();
  });

  it('compares without floating point', () => {
    expect(compareMoney('0.30', '0.3')).toBe(0);
    expect(compareMoney('50000.00', '50000.01')).toBe(-1);
    expect(compareMoney('90071992547409931.99', '90071992547409931.98')).toBe(1);
    expect(compareMoney('x', '1')).toBeNull();
  });
});

describe('splitDebitCredit', () => {
  it('puts money out in debit and money in in credit, unsigned', () => {
    expect(splitDebitCredit('-10000.00')).toEqual({ debit: '10000.00', credit: null });
    expect(splitDebitCredit('100000.00')).toEqual({ debit: null, credit: '100000.00' });
    expect(splitDebitCredit('0.00')).toEqual({ debit: null, credit: null });
  });
});
