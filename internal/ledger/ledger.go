// Package ledger moves money (DOMAIN.md §3) as a double-entry ledger: every movement is a journal
// whose entries sum to zero, posted in one transaction with the balances it changes, its audit
// record and its idempotency record. One path for both databases, on ent's builders: accounts
// are locked in ID order (lockOwners), the database refuses a negative balance (a CHECK), and a
// transaction that failed to serialise or deadlocked is retried a bounded number of times (run).
package ledger

import (
	"context"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent/dialect/sql"
	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Now is the clock, replaceable in tests.
var Now = time.Now

// Ledger posts journals. Its operations open their own transactions (they must outlive a refusal
// to record it, and retry on serialization failures), so the GraphQL layer runs them outside the
// per-mutation transaction.
type Ledger struct {
	Client *ent.Client
}

// leg is one side of a journal: an account and a signed amount.
type leg struct {
	account *ent.Account
	amount  money.Money
}

// journalSpec describes a journal to post.
type journalSpec struct {
	id           gid.ID // planned (see planned); empty: a new one
	kind         journal.Kind
	amount       money.Money
	partnerID    gid.ID
	counterparty gid.ID
	customerID   gid.ID
	actingFor    gid.ID
	key          string
	reason       string
	batchID      string
	operatorName string // for postings made without a viewer (demo data)
}

// posting is one journal and its legs.
type posting struct {
	spec journalSpec
	legs []leg
}

// sys is the context ledger writes use: the operation has checked who may do what itself, reading
// the customer or partner it acts on through the viewer's privacy rules. (Accounts, journals and
// entries deny every write but the ledger's.)
func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx) }

// maxAmount is the largest amount one operation moves (the SPA's amount validator uses the same).
var maxAmount = money.MustParse("100000000000")

// CheckAmount refuses zero, negative and (already at parse time) over-precise amounts.
func CheckAmount(field string, m money.Money) error {
	if !m.IsPositive() {
		return apperr.BadInput(field, "the amount must be more than 0.00")
	}
	if m.Cmp(maxAmount) > 0 {
		return apperr.BadInput(field, "the amount is too large")
	}
	return nil
}

// journalCreate is the builder of spec's journal row.
func journalCreate(ctx context.Context, c *ent.Client, spec journalSpec, now time.Time) *ent.JournalCreate {
	v := viewer.FromContext(ctx)
	jq := c.Journal.Create().SetKind(spec.kind).SetAmount(spec.amount).SetCreatedAt(now).
		SetTransactionNo(transactionNo(now)).SetReason(spec.reason).SetIdempotencyKey(spec.key)
	if spec.id != "" {
		jq.SetID(spec.id)
	}
	if spec.partnerID != "" {
		jq.SetPartnerID(spec.partnerID)
	}
	if spec.counterparty != "" {
		jq.SetCounterpartyPartnerID(spec.counterparty)
	}
	if spec.customerID != "" {
		jq.SetCustomerID(spec.customerID)
	}
	if spec.actingFor != "" {
		jq.SetActingForID(spec.actingFor)
	}
	if spec.batchID != "" {
		jq.SetBatchID(spec.batchID)
	}
	if v != nil && v.UserID != "" {
		jq.SetOperatorID(v.UserID).SetOperatorName(v.DisplayName)
	} else if spec.operatorName != "" {
		jq.SetOperatorName(spec.operatorName)
	}
	return jq
}

// post writes the journals, their entries and the new balances of their (locked) accounts: three
// statements whatever the number of journals (a batch of 100 is no more round trips than one).
// Every journal's legs must sum to zero; a leg that would take a non-EXTERNAL account below zero
// is refused, and the database's CHECK backs this.
func post(ctx context.Context, c *ent.Client, postings ...posting) ([]*ent.Journal, error) {
	now := Now()
	creates := make([]*ent.JournalCreate, len(postings))
	for i, p := range postings {
		sum := money.Zero
		for _, l := range p.legs {
			sum = sum.Add(l.amount)
		}
		if !sum.IsZero() {
			return nil, fmt.Errorf("ledger: unbalanced journal (%s)", sum)
		}
		creates[i] = journalCreate(ctx, c, p.spec, now)
	}
	journals, err := c.Journal.CreateBulk(creates...).Save(sys(ctx))
	if err != nil {
		return nil, err
	}
	var entries []*ent.LedgerEntryCreate
	delta := map[gid.ID]money.Money{}
	var ids []gid.ID
	for i, p := range postings {
		for _, l := range p.legs {
			after := l.account.Balance.Add(l.amount)
			if after.IsNegative() && l.account.Kind != account.KindEXTERNAL {
				return nil, insufficient(l.account)
			}
			l.account.Balance = after // later legs on the same account see it
			if _, seen := delta[l.account.ID]; !seen {
				ids = append(ids, l.account.ID)
			}
			delta[l.account.ID] = delta[l.account.ID].Add(l.amount)
			entries = append(entries, c.LedgerEntry.Create().SetJournalID(journals[i].ID).SetAccountID(l.account.ID).
				SetAmount(l.amount).SetBalanceAfter(after).SetCreatedAt(now))
		}
	}
	if err := c.LedgerEntry.CreateBulk(entries...).Exec(sys(ctx)); err != nil {
		return nil, err
	}
	// balance = balance + CASE id WHEN $a THEN $da WHEN $b THEN $db ... END, for every account.
	balance := sql.ExprFunc(func(b *sql.Builder) {
		b.Ident(account.FieldBalance).WriteString(" + CASE ").Ident(account.FieldID)
		for _, id := range ids {
			b.WriteString(" WHEN ").Arg(string(id)).WriteString(" THEN CAST(").Arg(delta[id].Fen()).WriteString(" AS BIGINT)")
		}
		b.WriteString(" END")
	})
	err = c.Account.Update().Where(account.IDIn(ids...)).SetUpdatedAt(now).
		Modify(func(u *sql.UpdateBuilder) { u.Set(account.FieldBalance, balance) }).Exec(sys(ctx))
	if isCheckViolation(err) {
		return nil, apperr.Refuse(apperr.BadUserInput, "INSUFFICIENT_BALANCE", "the balance is not enough")
	}
	return journals, err
}

func insufficient(a *ent.Account) error {
	switch a.Kind {
	case account.KindPARTNER_CASH:
		return apperr.Refuse(apperr.BadUserInput, "INSUFFICIENT_BALANCE", "the partner's balance (%s) is not enough", a.Balance)
	case account.KindCUSTOMER_ALLOCATED:
		return apperr.Refuse(apperr.BadUserInput, "OVER_RECLAIM", "at most the customer's allocated balance (%s) can be reclaimed", a.Balance)
	case account.KindCUSTOMER_OWN:
		return apperr.Refuse(apperr.BadUserInput, "INSUFFICIENT_BALANCE", "the customer's own balance (%s) is not enough", a.Balance)
	}
	return apperr.Refuse(apperr.BadUserInput, "INSUFFICIENT_BALANCE", "the balance is not enough")
}

// isCheckViolation reports the database refusing a row by a CHECK (a negative balance).
func isCheckViolation(err error) bool {
	if err == nil {
		return false
	}
	return pq.As(err, pqerror.CheckViolation) != nil || strings.Contains(err.Error(), "CHECK constraint failed")
}

// transactionNo is the transaction id shown to people: a time-ordered, unique string.
func transactionNo(t time.Time) string {
	id := string(gid.New("T"))
	return "T" + t.UTC().Format("20060102") + strings.TrimPrefix(id, "T_")[10:]
}
