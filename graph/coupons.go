package graph

import (
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/predicate"
	"github.com/partnercenter/partnercenter/internal/ledger"
)

// listedCoupons leaves out what no listing returns: coupons expired more than a year ago
// (DOMAIN.md §4).
func listedCoupons() predicate.Coupon {
	return coupon.ValidUntilGT(ledger.Now().AddDate(-1, 0, 0))
}
