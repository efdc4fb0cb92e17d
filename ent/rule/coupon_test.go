package rule_test

import (
	"context"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponlimit"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

func couponRules() []entityRules {
	from, until := time.Now(), time.Now().AddDate(0, 6, 0)
	newQuota := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.CouponQuota, error) {
		return c.CouponQuota.Create().SetKind(couponquota.KindVOUCHER).SetPartnerID(fx.id["A"]).
			SetValue(money.FromFen(100)).SetValidFrom(from).SetValidUntil(until).Save(ctx)
	}
	newCoupon := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.Coupon, error) {
		return c.Coupon.Create().SetKind(coupon.KindVOUCHER).SetQuotaID(fx.id["qA"]).SetPartnerID(fx.id["A"]).
			SetCustomerID(fx.id["a1"]).SetFaceValue(money.FromFen(100)).SetValidFrom(from).SetValidUntil(until).Save(ctx)
	}
	newLimit := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.CouponLimit, error) {
		return c.CouponLimit.Create().SetCouponID(fx.id["cpA3"]).SetLimitKey(couponlimit.LimitKeyMIN_ORDER_AMOUNT).
			SetValue("100.00").Save(ctx)
	}
	newRecord := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.CouponRecord, error) {
		return c.CouponRecord.Create().SetType(couponrecord.TypeRECLAIMED_BY_HAND).SetAmount(money.FromFen(1)).
			SetPartnerID(fx.id["A"]).SetQuotaID(fx.id["qA"]).SetCouponID(fx.id["cpA1"]).SetCustomerID(fx.id["a1"]).Save(ctx)
	}
	newEntry := func(ctx context.Context, c *ent.Client, fx *fixture, partner, customer string) (*ent.CustomerWhitelist, error) {
		return c.CustomerWhitelist.Create().SetPartnerID(fx.id[partner]).SetCustomerID(fx.id[customer]).Save(ctx)
	}
	// Quotas, coupons, limits and records are written by the coupon operations with
	// viewer.SystemContext: nobody writes them here, the platform included.
	writes := everyRole("")
	partnersQuotas := map[string]string{
		platform:     "qA qB qD qR qR2",
		admin:        "qA",
		supervisor:   "qA", // its partner's, read only
		manager:      "qA",
		distributor:  "qD qR qR2", // its resellers' too
		reseller:     "qR",        // never R2's
		customerUser: denied,
		keyRead:      "qA",
		keyReadWrite: "qA",
	}
	return []entityRules{
		{
			entity: "CouponQuota",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.CouponQuota.Query().IDs(ctx) },
			reads:  partnersQuotas,
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newQuota(ctx, c, fx)
					return err
				}},
				{"update:qA", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.CouponQuota.UpdateOneID(fx.id["qA"]).SetStatus(couponquota.StatusFROZEN).Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					q, err := newQuota(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.CouponQuota.DeleteOneID(q.ID).Exec(ctx)
				}},
			},
			writes: writes,
		},
		{
			entity: "Coupon",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.Coupon.Query().IDs(ctx) },
			reads: map[string]string{
				platform:     "cpA1 cpA2 cpA3 cpB1 cpR1",
				admin:        "cpA1 cpA2 cpA3",
				supervisor:   "cpA1", // of the customers it sees (a1, mgrA's; a4 has none)
				manager:      "cpA1",
				distributor:  "cpR1", // its reseller's
				reseller:     "cpR1",
				customerUser: "cpA1", // its own
				keyRead:      "cpA1 cpA2 cpA3",
				keyReadWrite: "cpA1 cpA2 cpA3",
			},
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newCoupon(ctx, c, fx)
					return err
				}},
				{"update:cpA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.Coupon.UpdateOneID(fx.id["cpA1"]).SetStatus(coupon.StatusRECLAIMED).Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					cp, err := newCoupon(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.Coupon.DeleteOneID(cp.ID).Exec(ctx)
				}},
			},
			writes: writes,
		},
		{
			entity: "CouponLimit",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.CouponLimit.Query().IDs(ctx) },
			reads: map[string]string{
				platform:     "limQA limCpA1 limCpA2 limQR",
				admin:        "limQA limCpA1 limCpA2",
				supervisor:   "limQA limCpA1", // its partner's quota's, its customers' coupons'
				manager:      "limQA limCpA1",
				distributor:  "limQR",
				reseller:     "limQR",
				customerUser: "limCpA1", // its coupon's, not the quota's
				keyRead:      "limQA limCpA1 limCpA2",
				keyReadWrite: "limQA limCpA1 limCpA2",
			},
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newLimit(ctx, c, fx)
					return err
				}},
				{"update:limCpA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.CouponLimit.UpdateOneID(fx.id["limCpA1"]).SetValue("NEW").Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					l, err := newLimit(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.CouponLimit.DeleteOneID(l.ID).Exec(ctx)
				}},
			},
			writes: writes,
		},
		{
			entity: "CouponRecord",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.CouponRecord.Query().IDs(ctx) },
			reads: map[string]string{
				platform:     "recQA recCpA1 recCpA2 recCpB1 recDR recQR recCpR1",
				admin:        "recQA recCpA1 recCpA2",
				supervisor:   denied, // records name customers it may not see
				manager:      denied,
				distributor:  "recDR recQR recCpR1",
				reseller:     "recQR recCpR1",
				customerUser: denied,
				keyRead:      "recQA recCpA1 recCpA2",
				keyReadWrite: "recQA recCpA1 recCpA2",
			},
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newRecord(ctx, c, fx)
					return err
				}},
				{"update:recCpA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.CouponRecord.UpdateOneID(fx.id["recCpA1"]).Exec(ctx) // every field is immutable
				}},
				{"delete:recCpA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.CouponRecord.DeleteOneID(fx.id["recCpA1"]).Exec(ctx)
				}},
			},
			writes: writes,
		},
		{
			entity: "CustomerWhitelist",
			read: func(ctx context.Context, c *ent.Client) ([]gid.ID, error) {
				return c.CustomerWhitelist.Query().IDs(ctx)
			},
			reads: map[string]string{
				platform:     "wlA1 wlB1 wlD1 wlR1",
				admin:        "wlA1",
				supervisor:   denied,
				manager:      denied,
				distributor:  "wlD1", // its own only: resellers keep their own lists
				reseller:     "wlR1",
				customerUser: denied,
				keyRead:      "wlA1",
				keyReadWrite: "wlA1",
			},
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newEntry(ctx, c, fx, "A", "a3")
					return err
				}},
				{"create:B", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newEntry(ctx, c, fx, "B", "a3")
					return err
				}},
				{"update:wlA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.CustomerWhitelist.UpdateOneID(fx.id["wlA1"]).SetUpdatedAt(time.Now()).Exec(ctx)
				}},
				{"update:wlB1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.CustomerWhitelist.UpdateOneID(fx.id["wlB1"]).SetUpdatedAt(time.Now()).Exec(ctx)
				}},
				{"delete:wlA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.CustomerWhitelist.DeleteOneID(fx.id["wlA1"]).Exec(ctx)
				}},
				{"delete:wlB1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.CustomerWhitelist.DeleteOneID(fx.id["wlB1"]).Exec(ctx)
				}},
			},
			writes: map[string]string{
				platform:     "create create:B update:wlA1 update:wlB1 delete:wlA1 delete:wlB1",
				admin:        "create update:wlA1 delete:wlA1",
				supervisor:   "",
				manager:      "",
				distributor:  "",
				reseller:     "",
				customerUser: "",
				keyRead:      "",
				keyReadWrite: "create update:wlA1 delete:wlA1",
			},
		},
	}
}

// TestMaySeeCouponRemark: the remark reaches the platform and the issuer's staff (a distributor
// acting for its reseller), never the customer the coupon was issued to nor another partner.
func TestMaySeeCouponRemark(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d *db.DB) {
		fx := newFixture(t, d.Client)
		ctx := sys(context.Background())
		cpA1, cpR1 := d.Client.Coupon.GetX(ctx, fx.id["cpA1"]), d.Client.Coupon.GetX(ctx, fx.id["cpR1"])
		want := map[string][2]bool{ // role -> may see the remark of cpA1, of cpR1
			platform:     {true, true},
			admin:        {true, false},
			supervisor:   {true, false},
			manager:      {true, false},
			distributor:  {false, true},
			reseller:     {false, true},
			customerUser: {false, false},
			keyRead:      {true, false},
			keyReadWrite: {true, false},
		}
		for _, role := range roles {
			v := fx.viewers[role]
			if got := [2]bool{rule.MaySeeCouponRemark(v, cpA1), rule.MaySeeCouponRemark(v, cpR1)}; got != want[role] {
				t.Errorf("%s may see the remarks of cpA1, cpR1: %v, want %v", role, got, want[role])
			}
		}
		if rule.MaySeeCouponRemark(nil, cpA1) {
			t.Error("no viewer may see a remark")
		}
	})
}
