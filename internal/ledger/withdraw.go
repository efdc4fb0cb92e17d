package ledger

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Withdraw pays a customer's own recharged balance out (what resale association requires first).
func (l *Ledger) Withdraw(ctx context.Context, req Request) (*Outcome, error) {
	v := viewer.FromContext(ctx)
	if !v.IsCustomer() {
		return nil, apperr.New(apperr.Forbidden, "a customer withdraws its own balance")
	}
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	plan := planned(1)
	return l.run(ctx, "withdraw", req.IdempotencyKey, req.args(), plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		out, err := postAudited(ctx, c, auditlog.ActionWITHDRAW, v.CustomerID, journalSpec{id: plan.JournalIDs[0], kind: journal.KindWITHDRAW, amount: req.Amount,
			customerID: v.CustomerID, key: req.IdempotencyKey, reason: req.Reason}, CustomerOwn(v.CustomerID), External())
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionWITHDRAW, v.CustomerID, err)
		}
		// A full withdrawal (a refund of what it recharged) revokes its cash and pickup coupons:
		// their balances return to the issuers' quotas (record type 6).
		if left, err := OwnBalance(ctx, c, v.CustomerID); err != nil || !left.IsZero() {
			return out, err
		}
		_, err = ReclaimCustomerCoupons(ctx, c, v.CustomerID, "", []coupon.Kind{coupon.KindCASH, coupon.KindPICKUP}, couponrecord.TypeREVOKED_ON_RECHARGE_REFUND)
		return out, err
	})
}

// OwnBalance is a customer's own recharged balance (zero without an account).
func OwnBalance(ctx context.Context, c *ent.Client, customerID gid.ID) (money.Money, error) {
	a, err := c.Account.Query().Where(CustomerOwn(customerID).predicate()).Only(sys(ctx))
	if ent.IsNotFound(err) {
		return money.Zero, nil
	}
	if err != nil {
		return money.Zero, err
	}
	return a.Balance, nil
}
