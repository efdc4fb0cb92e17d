import { describe, expect, it } from 'vitest';
import ledger from '../../../../internal/ledger/ledger.go?raw';
import { amountProblem, formatMoney, fromFen, MAX_AMOUNT, toDecimal, toFen } from './money';

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

  it('puts the yuan sign after the minus sign when asked', () => {
    expect(formatMoney('1000.5', { symbol: true })).toBe('¥1,000.50');
    expect(formatMoney('-3.00', { symbol: true })).toBe('-¥3.00');
    expect(formatMoney('0.00', { symbol: true })).toBe('¥0.00');
    expect(formatMoney('-12.3', { symbol: true })).toBe('-¥12.30');
    expect(formatMoney('99999999999999999.99', { symbol: true })).toBe('¥99,999,999,999,999,999.99');
  });

  it('never loses precision on huge values (no floating point)', () => {
    expect(formatMoney('90071992547409931.99')).toBe('90,071,992,547,409,931.99');
    expect(formatMoney('0.10')).toBe('0.10');
    expect(formatMoney('000123.4')).toBe('123.40');
  });

  it('shows what it cannot read unchanged, and a dash for nothing', () => {
    expect(formatMoney('abc')).toBe('abc');
    expect(formatMoney(null)).toBe('-');
    expect(formatMoney(undefined, { symbol: true })).toBe('-');
    expect(formatMoney('')).toBe('-');
    expect(formatMoney('1.234')).toBe('1.234');
  });
});

describe('amountProblem', () => {
  it('accepts positive amounts with at most two decimal places', () => {
    for (const ok of ['1', '0.01', '12.3', '12.30', ' 100 ', '007', '999999999.99']) expect(amountProblem(ok), ok).toBeUndefined();
  });

  it('accepts what the server reads as an amount: ".5", "5." and zeros after two places', () => {
    for (const ok of ['.5', '5.', '1.230', '1.2300', '0.010']) expect(amountProblem(ok), ok).toBeUndefined();
  });

  it('has the server maximum (internal/ledger/ledger.go maxAmount)', () => {
    const server = /maxAmount = money\.MustParse\("([0-9.]+)"\)/.exec(ledger)?.[1];
    expect(server, 'maxAmount not found in ledger.go').toBeDefined();
    expect(toFen(MAX_AMOUNT)).toBe(toFen(server!));
  });

  it('accepts the maximum, and nothing above it', () => {
    expect(amountProblem('100000000000')).toBeUndefined();
    expect(amountProblem('100000000000.00')).toBeUndefined();
    expect(amountProblem('100000000000.000')).toBeUndefined();
    expect(amountProblem('100000000000.01')).toBe('tooLarge');
    expect(amountProblem('100000000001')).toBe('tooLarge');
    expect(amountProblem('99999999999999999999999')).toBe('tooLarge');
  });

  it('names what is wrong', () => {
    expect(amountProblem('')).toBe('required');
    expect(amountProblem('  ')).toBe('required');
    expect(amountProblem(undefined)).toBe('required');
    expect(amountProblem(null)).toBe('required');
    expect(amountProblem('0')).toBe('positive');
    expect(amountProblem('0.00')).toBe('positive');
    expect(amountProblem('.0')).toBe('positive');
    expect(amountProblem('0.001')).toBe('decimals');
    expect(amountProblem('1.001')).toBe('decimals');
    expect(amountProblem('100.505')).toBe('decimals');
    for (const bad of ['.', '-1', '+1', '1e3', '1,000', '1 000', '0x10', 'abc', '1.5.', '１', '¥1']) {
      expect(amountProblem(bad), bad).toBe('format');
    }
  });

  it('refuses more than a given maximum', () => {
    expect(amountProblem('100.50', { atMost: '100.50' })).toBeUndefined();
    expect(amountProblem('100.51', { atMost: '100.50' })).toBe('overBalance');
    expect(amountProblem('0.01', { atMost: '0.00' })).toBe('overBalance');
    expect(amountProblem('1', { atMost: 'not a number' })).toBeUndefined();
  });
});

describe('toDecimal', () => {
  it('writes two places without leading zeros', () => {
    expect(toDecimal('12.3')).toBe('12.30');
    expect(toDecimal(' 007 ')).toBe('7.00');
    expect(toDecimal('0.5')).toBe('0.50');
    expect(toDecimal('.5')).toBe('0.50');
    expect(toDecimal('5.')).toBe('5.00');
    expect(toDecimal('1.230')).toBe('1.23');
    expect(toDecimal('100.25')).toBe('100.25');
  });
});

describe('toFen', () => {
  it('reads fen exactly', () => {
    expect(toFen('-12.3')).toBe(-1230n);
    expect(toFen('0.07')).toBe(7n);
    expect(toFen('90071992547409931.99')).toBe(9007199254740993199n);
    expect(toFen('1.001')).toBeNull();
    expect(toFen('x')).toBeNull();
  });
});

describe('fromFen', () => {
  it('writes fen back as a decimal', () => {
    expect(fromFen(24690n)).toBe('246.90');
    expect(fromFen(-5n)).toBe('-0.05');
    expect(fromFen(0n)).toBe('0.00');
    expect(fromFen(toFen('12345678901.23')!)).toBe('12345678901.23');
  });
});
