package db_test

import (
	"testing"

	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// TestCouponTables: the PostgreSQL migrations and the SQLite schema both create the coupon
// tables, and both refuse to change or delete a coupon record (append-only like journals).
func TestCouponTables(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d *db.DB) {
		ctx := ctxSystem()
		c := d.Client
		for name, count := range map[string]func() (int, error){
			"coupon_quotas":       func() (int, error) { return c.CouponQuota.Query().Count(ctx) },
			"coupons":             func() (int, error) { return c.Coupon.Query().Count(ctx) },
			"coupon_limits":       func() (int, error) { return c.CouponLimit.Query().Count(ctx) },
			"coupon_records":      func() (int, error) { return c.CouponRecord.Query().Count(ctx) },
			"customer_whitelists": func() (int, error) { return c.CustomerWhitelist.Query().Count(ctx) },
		} {
			if _, err := count(); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
		rec, err := c.CouponRecord.Create().SetType(couponrecord.TypeQUOTA_GRANTED).SetAmount(money.FromFen(100)).
			SetPartnerID(gid.New(gid.PrefixPartner)).SetQuotaID(gid.New(gid.PrefixCouponQuota)).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, stmt := range []string{
			"UPDATE coupon_records SET operator_name = 'changed'",
			"DELETE FROM coupon_records",
		} {
			if _, err := d.SQL.ExecContext(ctx, stmt); err == nil {
				t.Errorf("%s went through", stmt)
			}
		}
		if n, err := c.CouponRecord.Query().Where(couponrecord.ID(rec.ID)).Count(ctx); err != nil || n != 1 {
			t.Errorf("the record: %d, %v", n, err)
		}
	})
}
