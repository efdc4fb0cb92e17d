// Journal kinds as the account pages show them.
import type { JournalKind } from '../../gql/graphql';

/** The kinds a person can filter by (REVERSAL is an internal correction, still shown when it occurs). */
export const JOURNAL_KINDS: readonly JournalKind[] = ['RECHARGE', 'ALLOCATE', 'RECLAIM', 'RECLAIM_ON_DISASSOCIATION', 'WITHDRAW'];

export const KIND_COLORS: Record<JournalKind, string> = {
  RECHARGE: 'green',
  ALLOCATE: 'blue',
  RECLAIM: 'gold',
  RECLAIM_ON_DISASSOCIATION: 'orange',
  WITHDRAW: 'purple',
  REVERSAL: 'default',
  QUOTA_GRANT: 'cyan',
  QUOTA_ADJUST: 'cyan',
  QUOTA_TO_RESELLER: 'geekblue',
  QUOTA_FROM_RESELLER: 'geekblue',
  COUPON_ISSUE: 'magenta',
  COUPON_RECLAIM: 'magenta',
};
