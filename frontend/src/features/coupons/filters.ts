// The coupon lists' filters and their where-inputs. Dates are local calendar days (YYYY-MM-DD).
import dayjs from 'dayjs';
import type { CouponKind, CouponRecordType, CouponRecordWhereInput, CouponStatus, CouponWhereInput } from '../../gql/graphql';

export interface CouponFilters {
  kind?: CouponKind;
  status?: CouponStatus;
  customerID?: string;
  quotaID?: string;
  /** Expiry (validUntil) from this day on. */
  validFrom?: string;
  /** Expiry up to the end of this day. */
  validTo?: string;
}

export interface RecordFilters {
  type?: CouponRecordType;
  quotaID?: string;
  couponID?: string;
  customerID?: string;
  from?: string;
  to?: string;
}

const startOfDay = (d: string) => dayjs(d).startOf('day').format();
const endOfDay = (d: string) => dayjs(d).endOf('day').format();
const trimmed = (s: string | undefined) => s?.trim() || undefined;

export function couponWhere(f: CouponFilters): CouponWhereInput | undefined {
  const where: CouponWhereInput = {};
  if (f.kind) where.kind = f.kind;
  if (f.status) where.status = f.status;
  const customerID = trimmed(f.customerID);
  if (customerID) where.customerID = customerID;
  const quotaID = trimmed(f.quotaID);
  if (quotaID) where.quotaID = quotaID;
  if (f.validFrom) where.validUntilGTE = startOfDay(f.validFrom);
  if (f.validTo) where.validUntilLTE = endOfDay(f.validTo);
  return Object.keys(where).length ? where : undefined;
}

export function recordWhere(f: RecordFilters): CouponRecordWhereInput | undefined {
  const where: CouponRecordWhereInput = {};
  if (f.type) where.type = f.type;
  const quotaID = trimmed(f.quotaID);
  if (quotaID) where.quotaID = quotaID;
  const couponID = trimmed(f.couponID);
  if (couponID) where.couponID = couponID;
  const customerID = trimmed(f.customerID);
  if (customerID) where.customerID = customerID;
  if (f.from) where.createdAtGTE = startOfDay(f.from);
  if (f.to) where.createdAtLTE = endOfDay(f.to);
  return Object.keys(where).length ? where : undefined;
}

/** "2026-12-01 ~ 2027-12-01" for a validity window. */
export function validity(from: string, until: string): string {
  return `${dayjs(from).format('YYYY-MM-DD')} ~ ${dayjs(until).format('YYYY-MM-DD')}`;
}
