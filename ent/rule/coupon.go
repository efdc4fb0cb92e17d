package rule

import (
	"context"
	"slices"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponlimit"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customerwhitelist"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Coupons (券管理). Quotas, coupons, their limits and records are written only by the coupon
// operations (issue, reclaim, grant), which check the operation themselves and write with
// viewer.SystemContext, as the ledger does: their mutation policies deny everyone else. The
// whitelist is the exception: a partner's admin maintains its own.

// quotas is the condition on a quota: those of Partners (its own and, for a distributor's admin,
// its resellers'); a partner's supervisors and managers read their partner's too. Customers see
// none.
func (s Scope) quotas(partnerField string) (entql.P, bool) {
	if len(s.Partners) == 0 {
		return nil, false
	}
	return in(partnerField, s.Partners), true
}

// coupons is the condition on a coupon: the issuer's staff within Partners, narrowed for
// supervisors and managers to the coupons of the customers they see (as every record kept of a
// customer); a customer's user sees the coupons issued to its customer.
func (s Scope) coupons() (entql.P, bool) {
	return customerRecords(coupon.FieldPartnerID, coupon.FieldCustomerID, coupon.EdgeCustomer)(s)
}

// FilterCouponQuotas narrows reads of quotas to Scope.quotas.
func FilterCouponQuotas() privacy.QueryMutationRule {
	return filterRule[*ent.CouponQuotaFilter]("coupon quota", func(s Scope) (entql.P, bool) {
		return s.quotas(couponquota.FieldPartnerID)
	})
}

// FilterCouponRecords narrows reads of coupon records (发放回收记录) to a partner's admin (and its
// keys): those of the quotas of Partners. A record names a customer, and supervisors and managers
// see only the customers assigned to them, so they read none (they see their customers' coupons
// themselves); should they need records, narrow them as customerRecords does, through an edge
// from the record to its customer.
func FilterCouponRecords() privacy.QueryMutationRule {
	return filterRule[*ent.CouponRecordFilter]("coupon record", func(s Scope) (entql.P, bool) {
		if !s.Admin {
			return nil, false
		}
		return s.quotas(couponrecord.FieldPartnerID)
	})
}

// FilterCoupons narrows reads of coupons to Scope.coupons.
func FilterCoupons() privacy.QueryMutationRule {
	return filterRule[*ent.CouponFilter]("coupon", Scope.coupons)
}

// FilterCouponLimits narrows reads of limits to those of the quotas and coupons the viewer sees.
func FilterCouponLimits() privacy.QueryMutationRule {
	return filterRule[*ent.CouponLimitFilter]("coupon limit", func(s Scope) (entql.P, bool) {
		var ps []entql.P
		if q, ok := s.quotas(couponquota.FieldPartnerID); ok {
			ps = append(ps, entql.HasEdgeWith(couponlimit.EdgeQuota, q))
		}
		if c, ok := s.coupons(); ok {
			ps = append(ps, entql.HasEdgeWith(couponlimit.EdgeCoupon, c))
		}
		switch len(ps) {
		case 0:
			return nil, false
		case 1:
			return ps[0], true
		}
		return entql.Or(ps[0], ps[1]), true
	})
}

// maintainsWhitelist is a partner's admin (or one of its API keys): it reads its own partner's
// whitelist, and changes it unless it is a read-only key.
func (s Scope) maintainsWhitelist() bool { return s.Admin && s.Partner != "" }

// FilterCustomerWhitelists narrows reads, updates and deletes of whitelist entries to the
// admin's own partner's.
func FilterCustomerWhitelists() privacy.QueryMutationRule {
	return filterRule[*ent.CustomerWhitelistFilter]("customer whitelist", func(s Scope) (entql.P, bool) {
		if !s.maintainsWhitelist() {
			return nil, false
		}
		return eq(customerwhitelist.FieldPartnerID, s.Partner), true
	})
}

// AllowWhitelistWrites lets a partner's admin add entries for its own partner, and update or
// remove entries, which FilterCustomerWhitelists before it has narrowed to that partner's. A
// read-only key changes nothing.
func AllowWhitelistWrites() privacy.MutationRule {
	return privacy.CustomerWhitelistMutationRuleFunc(func(ctx context.Context, m *ent.CustomerWhitelistMutation) error {
		s := ScopeOf(viewer.FromContext(ctx))
		if !s.maintainsWhitelist() || !s.Writes {
			return privacy.Skip
		}
		if m.Op().Is(ent.OpCreate) {
			if p, ok := m.PartnerID(); ok && p == s.Partner {
				return privacy.Allow
			}
			return privacy.Skip
		}
		return privacy.Allow // update or delete, already narrowed
	})
}

// MaySeeCouponRemark reports whether v may read c's remark (备注): only the platform and the
// issuer's staff (its partner's staff, or a distributor's admin acting for its reseller), never
// the customer. Whatever exposes a coupon asks this before returning the remark.
func MaySeeCouponRemark(v *viewer.Viewer, c *ent.Coupon) bool {
	if v == nil || c == nil {
		return false
	}
	s := ScopeOf(v)
	if s.All {
		return true
	}
	return s.Customer == "" && slices.Contains(s.Partners, c.PartnerID)
}

// Who may run the coupon operations (DOMAIN.md §4). The operations (internal/ledger) ask these
// before anything else; what they act on is then read through the privacy rules above.

// issuers are the partner kinds that issue each kind of coupon to their customers: a
// distributor passes its voucher quota to its resellers, who issue.
var issuers = map[couponquota.Kind][]partner.Kind{
	couponquota.KindVOUCHER: {partner.KindSOLUTION_PROVIDER, partner.KindGOV_SUBSIDY, partner.KindCLOUD_RESELLER},
	couponquota.KindCASH:    {partner.KindGOV_SUBSIDY},
	couponquota.KindPICKUP:  {partner.KindGOV_CLOUD},
}

// grantees are the partner kinds the platform grants each kind of quota (a cloud reseller gets
// voucher quota from its distributor).
var grantees = map[couponquota.Kind][]partner.Kind{
	couponquota.KindVOUCHER: {partner.KindSOLUTION_PROVIDER, partner.KindGOV_SUBSIDY, partner.KindDISTRIBUTOR},
	couponquota.KindCASH:    {partner.KindGOV_SUBSIDY},
	couponquota.KindPICKUP:  {partner.KindGOV_CLOUD},
}

// MayGrantQuotas: the platform grants, adjusts, freezes and invalidates quotas.
func MayGrantQuotas(v *viewer.Viewer) bool { return v.IsPlatform() && !v.ReadOnly }

// GrantedTo reports whether a partner of kind p may be granted quota of kind k by the platform.
func GrantedTo(p partner.Kind, k couponquota.Kind) bool { return slices.Contains(grantees[k], p) }

// MayPassQuotaToResellers: a distributor's admin (or its read-write key) issues quota to its
// resellers and reclaims it.
func MayPassQuotaToResellers(v *viewer.Viewer) bool {
	return v.IsPartnerAdmin() && !v.ReadOnly && v.PartnerKind == string(partner.KindDISTRIBUTOR)
}

// MayIssueCoupons: a partner's admin (or read-write key) issues and reclaims coupons; of kind k
// (zero: any kind) only where its partner is an issuer of k.
func MayIssueCoupons(v *viewer.Viewer, k couponquota.Kind) bool {
	if !v.IsPartnerAdmin() || v.ReadOnly {
		return false
	}
	if k == "" {
		return true
	}
	return slices.Contains(issuers[k], partner.Kind(v.PartnerKind))
}

// IssuesOnlyToWhitelist: a government partner issues only to the customers on its whitelist.
func IssuesOnlyToWhitelist(v *viewer.Viewer) bool {
	return v != nil && (v.PartnerKind == string(partner.KindGOV_SUBSIDY) || v.PartnerKind == string(partner.KindGOV_CLOUD))
}

// MayMaintainWhitelist: a government partner's admin (or read-write key) keeps its whitelist.
func MayMaintainWhitelist(v *viewer.Viewer) bool {
	return v.IsPartnerAdmin() && !v.ReadOnly && IssuesOnlyToWhitelist(v)
}
