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

  it('every document selects userErrors through the fragment', () => {
    const sources = import.meta.glob(['../../**/*.{ts,tsx}', '!../../gql/**', '!../../**/*.test.{ts,tsx}', '!./userErrors.ts'], { query: '?raw', import: 'default', eager: true });
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const inline = Object.entries(sources as Record<string, string>)
      .filter(([, src]) => /userErrors\s*\{(?!\s*\.\.\.UserErrorFields\s*\})/.test(src))
      .map(([file]) => file);
    expect(inline).toEqual([]);
  });
});
