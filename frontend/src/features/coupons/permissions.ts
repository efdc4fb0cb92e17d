// Who sees and does what on the coupon pages (mirrors the server's rules in ent/rule/coupon.go;
// the server decides).
import type { PartnerKind, UserRole } from '../../gql/graphql';

export const STAFF_ROLES: readonly UserRole[] = ['PARTNER_ADMIN', 'SUPERVISOR', 'CUSTOMER_MANAGER'];
export const GOV_KINDS: readonly PartnerKind[] = ['GOV_SUBSIDY', 'GOV_CLOUD'];

export interface CouponPermissions {
  /** The 券管理 page: partner staff and the platform. */
  view: boolean;
  /** Issue and reclaim coupons: the partner's admin (a distributor passes quota on to its resellers instead). */
  issue: boolean;
  /** The records (发放回收记录): admins and the platform only. */
  records: boolean;
}

export function couponPermissions(role: UserRole, partnerKind?: PartnerKind | null): CouponPermissions {
  const admin = role === 'PARTNER_ADMIN' && !!partnerKind;
  return {
    view: STAFF_ROLES.includes(role) || role === 'PLATFORM_OPERATOR',
    issue: admin && partnerKind !== 'DISTRIBUTOR',
    records: admin || role === 'PLATFORM_OPERATOR',
  };
}

/** The quota kind a partner issues out of by default (government-cloud partners: pickup coupons). */
export function defaultKind(partnerKind?: PartnerKind | null) {
  return partnerKind === 'GOV_CLOUD' ? 'PICKUP' : 'VOUCHER';
}
