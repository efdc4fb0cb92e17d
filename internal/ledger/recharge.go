package ledger

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Recharge records money a partner paid in (offline remittance to its dedicated account, 专属汇款账号),
// by the platform: EXTERNAL -> the partner's cash.
func (l *Ledger) Recharge(ctx context.Context, partnerID gid.ID, req Request) (*Outcome, error) {
	if !viewer.FromContext(ctx).IsPlatform() {
		return nil, apperr.New(apperr.Forbidden, "only the platform records recharges")
	}
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	if err := checkReason(req.Reason); err != nil {
		return nil, err
	}
	plan := planned(1)
	return l.run(ctx, "recharge", req.IdempotencyKey, req.args(partnerID), plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		if _, err := c.Partner.Get(ctx, partnerID); err != nil {
			return nil, apperr.BadInput("partnerID", "no partner with this ID")
		}
		return postAudited(ctx, c, auditlog.ActionRECHARGE, partnerID, journalSpec{id: plan.JournalIDs[0], kind: journal.KindRECHARGE, amount: req.Amount,
			partnerID: partnerID, key: req.IdempotencyKey, reason: req.Reason}, External(), PartnerCash(partnerID))
	})
}

// RechargeOnline is a partner paying in through the online payment gateway (a stub here).
func (l *Ledger) RechargeOnline(ctx context.Context, gw PaymentGateway, req Request) (*Outcome, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerAdmin() {
		return nil, apperr.New(apperr.Forbidden, "only a partner admin recharges the partner's account")
	}
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	plan := planned(1)
	return l.run(ctx, "recharge-online", req.IdempotencyKey, req.args(), plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		if err := gw.Charge(ctx, v.PartnerID, req.Amount, req.IdempotencyKey); err != nil {
			return nil, apperr.Refuse(apperr.BadUserInput, "PAYMENT_FAILED", "the payment was not completed: %v", err)
		}
		return postAudited(ctx, c, auditlog.ActionRECHARGE, v.PartnerID, journalSpec{id: plan.JournalIDs[0], kind: journal.KindRECHARGE, amount: req.Amount,
			partnerID: v.PartnerID, key: req.IdempotencyKey, reason: "online payment"}, External(), PartnerCash(v.PartnerID))
	})
}

// PaymentGateway takes an online payment; Stub accepts every payment.
type PaymentGateway interface {
	Charge(ctx context.Context, partnerID gid.ID, amount money.Money, reference string) error
}

// Stub is the development payment gateway.
type Stub struct{}

// Charge implements PaymentGateway.
func (Stub) Charge(context.Context, gid.ID, money.Money, string) error { return nil }

// RechargeCustomer records a customer's own recharge (by the platform, for its own payment).
func (l *Ledger) RechargeCustomer(ctx context.Context, customerID gid.ID, req Request) (*Outcome, error) {
	if !viewer.FromContext(ctx).IsPlatform() {
		return nil, apperr.New(apperr.Forbidden, "only the platform records a customer's own recharge")
	}
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	plan := planned(1)
	return l.run(ctx, "recharge-customer", req.IdempotencyKey, req.args(customerID), plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		return postAudited(ctx, c, auditlog.ActionRECHARGE, customerID, journalSpec{id: plan.JournalIDs[0], kind: journal.KindRECHARGE, amount: req.Amount,
			customerID: customerID, key: req.IdempotencyKey, reason: req.Reason}, External(), CustomerOwn(customerID))
	})
}
