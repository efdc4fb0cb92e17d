import { describe, expect, it } from 'vitest';
import { limitProblem, limitRowProblems, limitsInput, normalizeLimit, sortedLimits } from './limits';

describe('coupon limits', () => {
  it('checks each key the way the schema documents it', () => {
    expect(limitProblem('ORDER_TYPES', 'new, renewal')).toBeUndefined();
    expect(limitProblem('ORDER_TYPES', 'NEW,REFUND')).toBe('orderTypes');
    expect(limitProblem('BILLING_SCOPE', 'both')).toBeUndefined();
    expect(limitProblem('BILLING_SCOPE', 'YEARLY')).toBe('billingScope');
    expect(limitProblem('MIN_ORDER_AMOUNT', '100')).toBeUndefined();
    expect(limitProblem('MIN_ORDER_AMOUNT', '1.234')).toBe('amount');
    expect(limitProblem('MAX_ORDER_SHARE', '50')).toBeUndefined();
    expect(limitProblem('MAX_ORDER_SHARE', '0')).toBe('percent');
    expect(limitProblem('MAX_ORDER_SHARE', '101')).toBe('percent');
    expect(limitProblem('MAX_ORDER_SHARE', '12.5')).toBe('percent');
    expect(limitProblem('NO_BUSINESS_DISCOUNT', 'true')).toBeUndefined();
    expect(limitProblem('NO_BUSINESS_DISCOUNT', 'yes')).toBe('flag');
    expect(limitProblem('PRODUCTS', ' , ')).toBe('empty');
    expect(limitProblem('SERVICE_TYPES', '')).toBe('empty');
  });

  it('sends normalized values and nothing when no key is chosen', () => {
    expect(normalizeLimit('ORDER_TYPES', ' new , change ')).toBe('NEW,CHANGE');
    expect(normalizeLimit('MIN_ORDER_AMOUNT', '100')).toBe('100.00');
    expect(limitsInput([{ key: 'PRODUCTS', value: 'ecs, obs' }, { value: 'x' }, undefined])).toEqual([{ key: 'PRODUCTS', value: 'ecs,obs' }]);
    expect(limitsInput([])).toBeNull();
    expect(limitsInput(undefined)).toBeNull();
  });

  it('flags a key given twice', () => {
    const p = limitRowProblems([
      { key: 'MAX_ORDER_SHARE', value: '50' },
      { key: 'MAX_ORDER_SHARE', value: '60' },
      { key: 'BILLING_SCOPE', value: 'x' },
    ]);
    expect([...p.entries()]).toEqual([
      [1, 'duplicate'],
      [2, 'billingScope'],
    ]);
  });

  it('orders limits as the editor lists the keys', () => {
    const sorted = sortedLimits([
      { limitKey: 'NO_BUSINESS_DISCOUNT' as const, value: 'true' },
      { limitKey: 'PRODUCTS' as const, value: 'ecs' },
    ]);
    expect(sorted.map((l) => l.limitKey)).toEqual(['PRODUCTS', 'NO_BUSINESS_DISCOUNT']);
  });
});
