// Coupon limits (DOMAIN.md §4): key/value rules, the same on a quota and on a coupon. The editor
// holds rows of { key, value }; limitsInput() turns them into CouponLimitInput, limitProblem()
// checks one value the way the schema documents it (the server decides; this only spares a round trip).
import type { CouponLimitInput, CouponLimitLimitKey } from '../../gql/graphql';
import { amountProblem, toDecimal } from '../../shared/money/money';

export const LIMIT_KEYS: readonly CouponLimitLimitKey[] = [
  'PRODUCTS',
  'SERVICE_TYPES',
  'ORDER_TYPES',
  'BILLING_SCOPE',
  'MIN_ORDER_AMOUNT',
  'MAX_ORDER_SHARE',
  'NO_BUSINESS_DISCOUNT',
];

export const ORDER_TYPES = ['NEW', 'RENEWAL', 'CHANGE'] as const;
export const BILLING_SCOPES = ['SUBSCRIPTION', 'ON_DEMAND', 'BOTH'] as const;

/** One row of the editor; a row without a key is ignored. */
export interface LimitRow {
  key?: CouponLimitLimitKey;
  value?: string;
}

/** Why a value is refused (an i18n key under coupons.limitProblem), or undefined. */
export type LimitProblem = 'empty' | 'duplicate' | 'orderTypes' | 'billingScope' | 'amount' | 'percent' | 'flag';

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The value as it is sent: lists trimmed and comma-joined, an amount with two decimals. */
export function normalizeLimit(key: CouponLimitLimitKey, value: string): string {
  const v = value.trim();
  switch (key) {
    case 'PRODUCTS':
    case 'SERVICE_TYPES':
      return list(v).join(',');
    case 'ORDER_TYPES':
      return list(v.toUpperCase()).join(',');
    case 'BILLING_SCOPE':
      return v.toUpperCase();
    case 'MIN_ORDER_AMOUNT':
      return toDecimal(v);
    case 'NO_BUSINESS_DISCOUNT':
      return v.toLowerCase();
    default:
      return v;
  }
}

export function limitProblem(key: CouponLimitLimitKey, value: string | undefined): LimitProblem | undefined {
  const v = (value ?? '').trim();
  if (!v) return 'empty';
  switch (key) {
    case 'PRODUCTS':
    case 'SERVICE_TYPES':
      return list(v).length ? undefined : 'empty';
    case 'ORDER_TYPES': {
      const items = list(v.toUpperCase());
      return items.length && items.every((i) => (ORDER_TYPES as readonly string[]).includes(i)) ? undefined : 'orderTypes';
    }
    case 'BILLING_SCOPE':
      return (BILLING_SCOPES as readonly string[]).includes(v.toUpperCase()) ? undefined : 'billingScope';
    case 'MIN_ORDER_AMOUNT':
      return amountProblem(v) ? 'amount' : undefined;
    case 'MAX_ORDER_SHARE': {
      if (!/^\d{1,3}$/.test(v)) return 'percent';
      const n = Number(v);
      return n >= 1 && n <= 100 ? undefined : 'percent';
    }
    case 'NO_BUSINESS_DISCOUNT':
      return v.toLowerCase() === 'true' ? undefined : 'flag';
  }
  return undefined;
}

/** The rows' problems by index (a key given twice is a problem on the later row). */
export function limitRowProblems(rows: readonly (LimitRow | undefined)[]): Map<number, LimitProblem> {
  const problems = new Map<number, LimitProblem>();
  const seen = new Set<CouponLimitLimitKey>();
  rows.forEach((r, i) => {
    if (!r?.key) return;
    if (seen.has(r.key)) {
      problems.set(i, 'duplicate');
      return;
    }
    seen.add(r.key);
    const p = limitProblem(r.key, r.value);
    if (p) problems.set(i, p);
  });
  return problems;
}

/** The editor's rows as the mutation's limits; null when there are none (the quota's apply). */
export function limitsInput(rows: readonly (LimitRow | undefined)[] | undefined): CouponLimitInput[] | null {
  const out: CouponLimitInput[] = [];
  for (const r of rows ?? []) {
    if (!r?.key) continue;
    out.push({ key: r.key, value: normalizeLimit(r.key, r.value ?? '') });
  }
  return out.length ? out : null;
}

/** Limits as the server returns them, in the editor's order, for display or as the editor's start. */
export function sortedLimits<L extends { limitKey: CouponLimitLimitKey; value: string }>(limits: readonly L[] | null | undefined): L[] {
  return [...(limits ?? [])].sort((a, b) => LIMIT_KEYS.indexOf(a.limitKey) - LIMIT_KEYS.indexOf(b.limitKey));
}
