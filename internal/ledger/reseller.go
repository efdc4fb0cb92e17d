package ledger

import (
	"context"
	"strings"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// resellerOf returns a cloud reseller of the viewer's distributor, read through the viewer's
// privacy rules.
func resellerOf(ctx context.Context, c *ent.Client, id gid.ID) (*ent.Partner, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerAdmin() || v.PartnerKind != string(partner.KindDISTRIBUTOR) {
		return nil, apperr.New(apperr.Forbidden, "only a distributor's admin moves money to and from resellers")
	}
	p, err := c.Partner.Query().Where(partner.ID(id), partner.DistributorID(v.PartnerID)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "no cloud reseller of yours with this ID")
	}
	return p, err
}

// AllocateToReseller moves money from a distributor to one of its cloud resellers.
func (l *Ledger) AllocateToReseller(ctx context.Context, resellerID gid.ID, req Request) (*Outcome, error) {
	return l.resellerTransfer(ctx, "allocate-reseller", auditlog.ActionALLOCATE, journal.KindALLOCATE, resellerID, req)
}

// ReclaimFromReseller takes money back from a cloud reseller, at most its balance.
func (l *Ledger) ReclaimFromReseller(ctx context.Context, resellerID gid.ID, req Request) (*Outcome, error) {
	return l.resellerTransfer(ctx, "reclaim-reseller", auditlog.ActionRECLAIM, journal.KindRECLAIM, resellerID, req)
}

func (l *Ledger) resellerTransfer(ctx context.Context, op string, action auditlog.Action, kind journal.Kind, resellerID gid.ID, req Request) (*Outcome, error) {
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	plan := planned(1)
	return l.run(ctx, op, req.IdempotencyKey, req.args(resellerID), plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		if _, err := resellerOf(ctx, c, resellerID); err != nil {
			return nil, refuse(ctx, c, action, resellerID, err)
		}
		if err := stepup.Check(ctx, c, Operation(op), req.VerificationCode); err != nil {
			return nil, refuse(ctx, c, action, resellerID, err)
		}
		v := viewer.FromContext(ctx)
		from, to := PartnerCash(v.PartnerID), PartnerCash(resellerID)
		if kind == journal.KindRECLAIM {
			from, to = to, from
		}
		out, err := postAudited(ctx, c, action, resellerID, journalSpec{id: plan.JournalIDs[0], kind: kind, amount: req.Amount, partnerID: v.PartnerID,
			counterparty: resellerID, key: req.IdempotencyKey, reason: req.Reason}, from, to)
		if e, ok := apperr.As(err); ok && kind == journal.KindRECLAIM && e.Reason == "INSUFFICIENT_BALANCE" {
			err = apperr.Refuse(apperr.BadUserInput, "OVER_RECLAIM", "at most the reseller's balance can be reclaimed: %s", strings.TrimPrefix(e.Message, "the partner's balance "))
		}
		if err != nil {
			return nil, refuse(ctx, c, action, resellerID, err)
		}
		return out, nil
	})
}
