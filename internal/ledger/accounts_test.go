package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/testdb"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// TestCouponAccounts: a quota's and a coupon's balances are accounts of their own kind, keyed
// by the quota or coupon, and made once however often they are ensured.
func TestCouponAccounts(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d *db.DB) {
		ctx, c := viewer.SystemContext(context.Background()), d.Client
		p := c.Partner.Create().SetName("P").SetKind(partner.KindSOLUTION_PROVIDER).SaveX(ctx)
		cu := c.Customer.Create().SetAccountName("cu_acct").SetName("Cu").SetMobile("0086-13900000099").
			SetEmail("cu@example.com").SetPartnerID(p.ID).SaveX(ctx)
		q := c.CouponQuota.Create().SetKind(couponquota.KindVOUCHER).SetPartnerID(p.ID).SetValue(money.FromFen(100)).
			SetValidFrom(time.Now()).SetValidUntil(time.Now().Add(time.Hour)).SaveX(ctx)
		cp := c.Coupon.Create().SetKind(coupon.KindVOUCHER).SetQuotaID(q.ID).SetPartnerID(p.ID).SetCustomerID(cu.ID).
			SetFaceValue(money.FromFen(10)).SetValidFrom(time.Now()).SetValidUntil(time.Now().Add(time.Hour)).SaveX(ctx)
		owners := []ledger.Owner{ledger.QuotaBalance(q.ID), ledger.CouponBalance(cp.ID)}
		if got, want := owners[0].Key(), "COUPON_QUOTA:"+string(q.ID); got != want {
			t.Errorf("quota key %q, want %q", got, want)
		}
		if got, want := owners[1].Key(), "COUPON:"+string(cp.ID); got != want {
			t.Errorf("coupon key %q, want %q", got, want)
		}
		for range 2 {
			if err := ledger.EnsureAccounts(ctx, c, owners...); err != nil {
				t.Fatal(err)
			}
		}
		qa := c.Account.Query().Where(account.QuotaID(q.ID)).OnlyX(ctx)
		ca := c.Account.Query().Where(account.CouponID(cp.ID)).OnlyX(ctx)
		if qa.Kind != account.KindCOUPON_QUOTA || ca.Kind != account.KindCOUPON || !qa.Balance.IsZero() {
			t.Errorf("accounts %v %v (balance %s)", qa.Kind, ca.Kind, qa.Balance)
		}
	})
}
