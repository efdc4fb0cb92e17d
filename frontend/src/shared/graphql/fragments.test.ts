import { describe, expect, it } from 'vitest';
import { print, type DocumentNode } from 'graphql';
import { UserErrorFields } from './userErrors';
import { MoneyMoveFields } from './moneyMove';
import { RechargeOnlineMutation, AllocateToResellerMutation, ReclaimFromResellerMutation } from '../../features/account/queries';
import { AllocateBalanceMutation, BatchAllocateBalanceMutation, ReclaimBalanceMutation } from '../../features/customers/queries';

const text = (d: unknown) => print(d as DocumentNode).replace(/\s+/g, ' ');

describe('shared fragments', () => {
  it('UserErrorFields is the UserError triple other documents spread', () => {
    expect(text(UserErrorFields)).toBe('fragment UserErrorFields on UserError { field code message }');
  });

  it('every money mutation selects the journal and the refusals through the fragments', () => {
    for (const doc of [RechargeOnlineMutation, AllocateBalanceMutation, ReclaimBalanceMutation, BatchAllocateBalanceMutation, AllocateToResellerMutation, ReclaimFromResellerMutation]) {
      const s = text(doc);
      expect(s, s.slice(0, 40)).toContain('userErrors { ...UserErrorFields }');
      expect(s).toMatch(/journals? \{ \.\.\.MoneyMoveFields \}/);
      expect(s).toContain(text(UserErrorFields));
      expect(s).toContain(text(MoneyMoveFields));
    }
  });
});
