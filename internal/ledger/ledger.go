// Package ledger moves money (DOMAIN.md §3) as a double-entry ledger: every movement is a journal
// whose entries sum to zero, posted in one transaction with the balances it changes, its audit
// record and its idempotency record. Accounts are locked in ID order (FOR UPDATE on PostgreSQL;
// SQLite serialises writers), and the database refuses a negative balance.
package ledger

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/predicate"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/dbx"
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

	postings keyQueue // the one-statement postings of this process, queued by partner
}

// leg is one side of a journal: an account and a signed amount.
type leg struct {
	account *ent.Account
	amount  money.Money
}

// journalSpec describes a journal to post.
type journalSpec struct {
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

// sys is the context ledger writes use: the operation has checked who may do what itself.
func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx) }

// maxAmount is the largest amount one operation moves.
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

// lockAccounts locks the given accounts (in ID order, so concurrent postings cannot deadlock)
// and returns them by ID with their current balances.
func lockAccounts(ctx context.Context, c *ent.Client, ids ...gid.ID) (map[gid.ID]*ent.Account, error) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	accs, err := c.Account.Query().Where(account.IDIn(ids...), predicate.Account(dbx.ForUpdate)).
		Order(ent.Asc(account.FieldID)).All(sys(ctx))
	if err != nil {
		return nil, err
	}
	out := make(map[gid.ID]*ent.Account, len(accs))
	for _, a := range accs {
		out[a.ID] = a
	}
	if len(out) != len(ids) {
		return nil, fmt.Errorf("ledger: %d of %d accounts found", len(out), len(ids))
	}
	return out, nil
}

// writeJournal inserts the journal row. It needs no lock, so operations write it (and their
// audit record and idempotency outcome) before locking the accounts: the locked window then holds
// only the balance updates, the entries and the commit.
func writeJournal(ctx context.Context, c *ent.Client, spec journalSpec) (*ent.Journal, error) {
	return journalCreate(ctx, c, spec).Save(sys(ctx))
}

// journalCreate is the builder of spec's journal row.
func journalCreate(ctx context.Context, c *ent.Client, spec journalSpec) *ent.JournalCreate {
	v := viewer.FromContext(ctx)
	now := Now()
	jq := c.Journal.Create().SetKind(spec.kind).SetAmount(spec.amount).SetCreatedAt(now).
		SetTransactionNo(transactionNo(now)).SetReason(spec.reason).SetIdempotencyKey(spec.key)
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
	if v != nil {
		jq.SetOperatorID(v.UserID).SetOperatorName(v.DisplayName)
	} else if spec.operatorName != "" {
		jq.SetOperatorName(spec.operatorName)
	}
	return jq
}

// applyLegs writes the journal's entries and applies them to the (locked) accounts, all balances
// in one UPDATE (one round trip inside the locked window). The legs must sum to zero; a leg that
// would take a non-EXTERNAL account below zero is refused (and the database's CHECK backs this).
func applyLegs(ctx context.Context, c *ent.Client, j *ent.Journal, legs []leg) error {
	sum := money.Zero
	delta := map[gid.ID]money.Money{}
	ids := []gid.ID{}
	for _, l := range legs {
		sum = sum.Add(l.amount)
		if _, ok := delta[l.account.ID]; !ok {
			ids = append(ids, l.account.ID)
		}
		delta[l.account.ID] = delta[l.account.ID].Add(l.amount)
	}
	if !sum.IsZero() {
		return fmt.Errorf("ledger: unbalanced journal (%s)", sum)
	}
	now := Now()
	entries := make([]*ent.LedgerEntryCreate, len(legs))
	for i, l := range legs {
		after := l.account.Balance.Add(l.amount)
		if after.IsNegative() && l.account.Kind != account.KindEXTERNAL {
			return insufficient(l.account)
		}
		l.account.Balance = after // later legs on the same account see it
		entries[i] = c.LedgerEntry.Create().SetJournalID(j.ID).SetAccountID(l.account.ID).
			SetAmount(l.amount).SetBalanceAfter(after).SetCreatedAt(now)
	}
	var err error
	if c.Dialect() == dialect.Postgres {
		err = applyPostgres(ctx, c, entries, ids, delta, now)
	} else {
		// balance = balance + CASE id WHEN $a THEN $da WHEN $b THEN $db END, for every account.
		balance := sql.ExprFunc(func(b *sql.Builder) {
			b.Ident(account.FieldBalance).WriteString(" + CASE ").Ident(account.FieldID)
			for _, id := range ids {
				b.WriteString(" WHEN ").Arg(string(id)).WriteString(" THEN CAST(").Arg(delta[id].Fen()).WriteString(" AS BIGINT)")
			}
			b.WriteString(" END")
		})
		err = c.Account.Update().Where(account.IDIn(ids...)).SetUpdatedAt(now).
			Modify(func(u *sql.UpdateBuilder) { u.Set(account.FieldBalance, balance) }).Exec(sys(ctx))
		if err == nil {
			err = c.LedgerEntry.CreateBulk(entries...).Exec(sys(ctx))
		}
	}
	if err != nil && isCheckViolation(err) {
		return apperr.Refuse(apperr.BadUserInput, "INSUFFICIENT_BALANCE", "the balance is not enough")
	}
	return err
}

// applyPostgres writes the entries and the balances in one statement (pgText): the entries as a
// data-modifying WITH before the UPDATE, a round trip less inside the window the accounts are
// locked. (SQLite has no data-modifying WITH: there they are two statements.)
//
//	WITH "e" AS (INSERT INTO ledger_entries ... VALUES (...), (...))
//	UPDATE accounts SET updated_at = $n, balance = balance + CASE id WHEN $a THEN $da ... END
//	WHERE id IN ($a, ...)
func applyPostgres(ctx context.Context, c *ent.Client, entries []*ent.LedgerEntryCreate, ids []gid.ID, delta map[gid.ID]money.Money, now time.Time) error {
	rows := make([]ent.Row, len(entries))
	for i, e := range entries {
		var err error
		if rows[i], err = e.PrepareRow(); err != nil {
			return err
		}
	}
	t := newPGText()
	defer t.free()
	t.str(`WITH "e" AS (`)
	if err := t.insert(rows...); err != nil {
		return err
	}
	t.str(") UPDATE ").ident(account.Table).str(" SET ").ident(account.FieldUpdatedAt).str(" = ").arg(now).
		str(", ").ident(account.FieldBalance).str(" = ").ident(account.FieldBalance).str(" + CASE ").ident(account.FieldID)
	for _, id := range ids {
		t.str(" WHEN ").arg(string(id)).str(" THEN CAST(").arg(delta[id].Fen()).str(" AS BIGINT)")
	}
	t.str(" END WHERE ").ident(account.FieldID).str(" IN ")
	argsIn(t, ids)
	return c.ExecSQL(sys(ctx), t.String(), t.args)
}

// post writes a journal and applies its legs (the accounts already locked).
func post(ctx context.Context, c *ent.Client, spec journalSpec, legs []leg) (*ent.Journal, error) {
	j, err := writeJournal(ctx, c, spec)
	if err != nil {
		return nil, err
	}
	return j, applyLegs(ctx, c, j, legs)
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

func isCheckViolation(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23514"
	}
	return strings.Contains(err.Error(), "CHECK constraint failed")
}

// transactionNo is the transaction id shown to people: a time-ordered, unique string.
func transactionNo(t time.Time) string {
	id := string(gid.New("T"))
	return "T" + t.UTC().Format("20060102") + strings.TrimPrefix(id, "T_")[10:]
}
