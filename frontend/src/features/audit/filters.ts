// The audit log's filter state and its where-input.
import dayjs from 'dayjs';
import type { AuditLogAction, AuditLogOutcome, AuditLogWhereInput } from '../../gql/graphql';

export const AUDIT_ACTIONS: readonly AuditLogAction[] = [
  'LOGIN',
  'LOGIN_FAILED',
  'LOGOUT',
  'PASSWORD_CHANGED',
  'REVEAL',
  'API_KEY_CREATED',
  'API_KEY_REVOKED',
  'TOTP_ENROLLED',
  'TOTP_DISABLED',
  'STEP_UP_VERIFIED',
  'STEP_UP_FAILED',
  'SETTINGS_CHANGED',
  'RECHARGE',
  'ALLOCATE',
  'RECLAIM',
  'BATCH_ALLOCATE',
  'WITHDRAW',
  'RECLAIM_ON_DISASSOCIATION',
];

export const AUDIT_OUTCOMES: readonly AuditLogOutcome[] = ['ALLOWED', 'DENIED'];

/** Filters as the bar edits them; dates are local calendar days (YYYY-MM-DD). */
export interface AuditFilters {
  action?: AuditLogAction;
  outcome?: AuditLogOutcome;
  from?: string;
  to?: string;
}

/** Where-input covering whole local days; undefined when nothing is filtered. */
export function auditWhere(f: AuditFilters): AuditLogWhereInput | undefined {
  const where: AuditLogWhereInput = {};
  if (f.action) where.action = f.action;
  if (f.outcome) where.outcome = f.outcome;
  Object.assign(where, dayRange(f.from, f.to));
  return Object.keys(where).length ? where : undefined;
}

/** createdAtGTE/LTE for whole local days, in RFC 3339 with the local offset. */
export function dayRange(from?: string, to?: string): { createdAtGTE?: string; createdAtLTE?: string } {
  const out: { createdAtGTE?: string; createdAtLTE?: string } = {};
  if (from) out.createdAtGTE = dayjs(from).startOf('day').format();
  if (to) out.createdAtLTE = dayjs(to).endOf('day').format();
  return out;
}

/** "customer cus_01..." from targetType and targetID, or "-" when there is no target. */
export function targetLabel(type: string | null | undefined, id: string | null | undefined): string {
  return [type, id].filter((s) => !!s && s.trim() !== '').join(' ') || '-';
}
