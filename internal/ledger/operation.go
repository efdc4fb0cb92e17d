package ledger

import (
	"context"
	"strings"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/stepup"
)

// Request is what every money operation carries.
type Request struct {
	IdempotencyKey   string
	Amount           money.Money
	Reason           string
	VerificationCode *string
}

// args are what the request hash covers: the same key with other args is KEY_REUSED.
func (r Request) args(extra ...any) []any {
	return append([]any{r.Amount.String(), strings.TrimSpace(r.Reason)}, extra...)
}

// Operation names a money operation for step-up verification messages.
type Operation = stepup.Operation

func checkReason(reason string) error {
	if len([]rune(reason)) > 500 {
		return apperr.BadInput("reason", "at most 500 characters")
	}
	return nil
}

// refuse records a refusal in the audit log (surviving the rollback) and returns it.
func refuse(ctx context.Context, c *ent.Client, action auditlog.Action, target gid.ID, err error) error {
	if e, ok := apperr.As(err); ok {
		_ = audit.RecordRefusal(ctx, c, audit.Entry{Action: action, TargetType: targetType(target), TargetID: target, Detail: e.Message})
	}
	return err
}

func targetType(id gid.ID) string {
	switch id.Prefix() {
	case gid.PrefixCustomer:
		return "Customer"
	case gid.PrefixPartner:
		return "Partner"
	case gid.PrefixCouponQuota:
		return "CouponQuota"
	case gid.PrefixCoupon:
		return "Coupon"
	}
	return ""
}

// postAudited posts a two-leg journal (amount from -> to) with its audit record, in the
// operation's transaction: the accounts are locked, the journal, its entries and the balances
// written, then the audit record.
func postAudited(ctx context.Context, c *ent.Client, action auditlog.Action, target gid.ID, spec journalSpec, from, to Owner) (*Outcome, error) {
	accs, err := lockOwners(ctx, c, from, to)
	if err != nil {
		return nil, err
	}
	js, err := post(ctx, c, posting{spec, []leg{{accs[0], money.Zero.Sub(spec.amount)}, {accs[1], spec.amount}}})
	if err != nil {
		return nil, err
	}
	j := js[0]
	if err := audit.Record(ctx, c, audit.Entry{Action: action, TargetType: targetType(target), TargetID: target, ActingFor: spec.actingFor,
		Reason: spec.reason, Detail: string(spec.kind) + " " + spec.amount.String() + " " + j.TransactionNo}); err != nil {
		return nil, err
	}
	return &Outcome{JournalIDs: []gid.ID{j.ID}, Journals: js}, nil
}
