package rule_test

import (
	"testing"

	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// TestCouponOperations is who may run each coupon operation, per role and partner kind.
func TestCouponOperations(t *testing.T) {
	type may struct{ grant, pass, issueAny, voucher, cash, pickup, whitelist bool }
	kinds := []partner.Kind{partner.KindSOLUTION_PROVIDER, partner.KindDISTRIBUTOR, partner.KindCLOUD_RESELLER, partner.KindGOV_SUBSIDY, partner.KindGOV_CLOUD}
	// role -> partner kind -> what it may do (roles without a partner ignore the kind)
	want := map[string]map[partner.Kind]may{}
	for _, role := range roles {
		want[role] = map[partner.Kind]may{}
		for _, k := range kinds {
			want[role][k] = may{}
		}
	}
	for k := range want[platform] {
		want[platform][k] = may{grant: true}
	}
	for _, role := range []string{admin, distributor, reseller, keyReadWrite} {
		want[role] = map[partner.Kind]may{
			partner.KindSOLUTION_PROVIDER: {issueAny: true, voucher: true},
			partner.KindDISTRIBUTOR:       {issueAny: true, pass: true},
			partner.KindCLOUD_RESELLER:    {issueAny: true, voucher: true},
			partner.KindGOV_SUBSIDY:       {issueAny: true, voucher: true, cash: true, whitelist: true},
			partner.KindGOV_CLOUD:         {issueAny: true, pickup: true, whitelist: true},
		}
	}
	// supervisor, manager, customerUser and keyRead may do none of them.
	for _, role := range roles {
		for _, k := range kinds {
			v := *handViewers[role]
			if v.PartnerID != "" {
				v.PartnerKind = string(k)
			}
			got := may{rule.MayGrantQuotas(&v), rule.MayPassQuotaToResellers(&v), rule.MayIssueCoupons(&v, ""),
				rule.MayIssueCoupons(&v, couponquota.KindVOUCHER), rule.MayIssueCoupons(&v, couponquota.KindCASH),
				rule.MayIssueCoupons(&v, couponquota.KindPICKUP), rule.MayMaintainWhitelist(&v)}
			if got != want[role][k] {
				t.Errorf("%s of a %s: %+v, want %+v", role, k, got, want[role][k])
			}
		}
	}
	var none *viewer.Viewer
	if rule.MayGrantQuotas(none) || rule.MayIssueCoupons(none, "") || rule.MayPassQuotaToResellers(none) || rule.MayMaintainWhitelist(none) {
		t.Error("no viewer may run a coupon operation")
	}
	// What the platform grants to whom.
	grants := map[partner.Kind][3]bool{ // voucher, cash, pickup
		partner.KindSOLUTION_PROVIDER: {true, false, false},
		partner.KindDISTRIBUTOR:       {true, false, false},
		partner.KindCLOUD_RESELLER:    {false, false, false}, // its distributor's, not the platform's
		partner.KindGOV_SUBSIDY:       {true, true, false},
		partner.KindGOV_CLOUD:         {false, false, true},
	}
	for p, w := range grants {
		got := [3]bool{rule.GrantedTo(p, couponquota.KindVOUCHER), rule.GrantedTo(p, couponquota.KindCASH), rule.GrantedTo(p, couponquota.KindPICKUP)}
		if got != w {
			t.Errorf("grants to a %s: %v, want %v", p, got, w)
		}
	}
}
