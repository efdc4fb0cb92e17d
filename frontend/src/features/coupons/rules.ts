// Pure rules of the coupon dialogs (DOMAIN.md §4), unit-tested: batch size, the validity sent
// when issuing, the quota kinds a partner is granted, a signed adjustment.
import dayjs, { type Dayjs } from 'dayjs';
import type { CouponQuotaKind, PartnerKind } from '../../gql/graphql';
import { amountProblem, toDecimal } from '../../shared/money/money';

/** Batch operations take up to 100 targets. */
export const MAX_BATCH = 100;

/** The range to send: null when it is the quota's own days (the default), else clamped inside the quota. */
export function issueValidity(range: [Dayjs, Dayjs] | null | undefined, quota: { validFrom: string; validUntil: string }) {
  if (!range) return { validFrom: null, validUntil: null };
  const qFrom = dayjs(quota.validFrom);
  const qUntil = dayjs(quota.validUntil);
  const [from, until] = range;
  const sameFrom = from.isSame(qFrom, 'day');
  const sameUntil = until.isSame(qUntil, 'day');
  const f = from.startOf('day');
  const u = until.endOf('day');
  return {
    validFrom: sameFrom ? null : (f.isBefore(qFrom) ? qFrom : f).format(),
    validUntil: sameUntil ? null : (u.isAfter(qUntil) ? qUntil : u).format(),
  };
}

/** The quota kinds a partner kind is granted (DOMAIN.md §4). */
export function grantableKinds(kind: PartnerKind | undefined): CouponQuotaKind[] {
  switch (kind) {
    case 'GOV_SUBSIDY':
      return ['VOUCHER', 'CASH'];
    case 'GOV_CLOUD':
      return ['PICKUP'];
    case 'SOLUTION_PROVIDER':
    case 'DISTRIBUTOR':
      return ['VOUCHER'];
    default:
      return [];
  }
}

/** A signed amount for an adjustment: non-zero, two decimals at most. */
export function deltaProblem(v: string | undefined): boolean {
  const s = (v ?? '').trim();
  const negative = s.startsWith('-');
  return !!amountProblem(negative ? s.slice(1) : s);
}

export const toDelta = (v: string) => {
  const s = v.trim();
  return s.startsWith('-') ? `-${toDecimal(s.slice(1))}` : toDecimal(s.replace(/^\+/, ''));
};

