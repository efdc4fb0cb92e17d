import { describe, expect, it } from 'vitest';
import { splitDebitCredit } from './statement';

describe('splitDebitCredit', () => {
  it('puts money out in debit and money in in credit, unsigned', () => {
    expect(splitDebitCredit('-10000.00')).toEqual({ debit: '10000.00', credit: null });
    expect(splitDebitCredit('100000.00')).toEqual({ debit: null, credit: '100000.00' });
    expect(splitDebitCredit('0.00')).toEqual({ debit: null, credit: null });
  });
});
