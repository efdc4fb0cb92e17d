package ledger

import (
	"context"
	stdsql "database/sql"
	"fmt"

	"entgo.io/ent/dialect"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/idempotencyrecord"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/ledgerentry"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// onceFunc tries an operation in one statement before the general path (runClaiming). done: it
// is done and out is its answer; replay: the key was already used, nothing was written; neither:
// nothing was written, and the general path does the operation (or refuses it, saying why).
type onceFunc func(ctx context.Context, scope, hash string) (out *Outcome, done, replay bool)

// transferOnce is an allocation or a reclaim between a partner and one of its own resale
// customers, on PostgreSQL, as one statement: the customer's check (a shared lock, as
// customerForMoney takes), the two accounts' locks (in ID order, as every posting takes them),
// the key's claim with its outcome, the balances, the journal, its audit record and its entries,
// each write gated on what comes before it. The statement is its own transaction (no BEGIN, no
// COMMIT): one round trip, and no row stays locked while the database waits on this server.
//
// It covers the common case only: a partner admin without step-up verification, moving money of
// the partner's own customer, whose accounts exist and whose balance suffices. Anything else
// (another partner's or a reseller's customer, an advisory or unknown customer, a missing
// account, a refused balance: the database's CHECK aborts the statement, or any error) writes
// nothing, and the general path, with its reasons and its audit of refusals, takes over.
//
//	WITH "c" AS MATERIALIZED (SELECT partner_id, association_type FROM customers
//	        WHERE id = $customer AND partner_id = $partner FOR SHARE),
//	  "l" AS MATERIALIZED (SELECT id FROM accounts WHERE owner_key IN ($from, $to)
//	        AND (the customer is a resale one) ORDER BY id FOR UPDATE),
//	  "k" AS (INSERT INTO idempotency_records ... SELECT ... WHERE (both accounts are locked)
//	        ON CONFLICT (scope, key) DO NOTHING RETURNING id),
//	  "u" AS (UPDATE accounts SET balance = balance + CASE owner_key ... END
//	        WHERE id IN (SELECT id FROM "l") AND (the key was claimed) RETURNING id, owner_key, balance),
//	  "j" AS (INSERT INTO journals ... SELECT ... WHERE (both balances moved)),
//	  "a" AS (INSERT INTO audit_logs ... SELECT ... WHERE (both balances moved)),
//	  "e" AS (INSERT INTO ledger_entries ... SELECT ... FROM "u" WHERE (the journal was written))
//	SELECT (the customer's association), count(l), count(k), count(e)
//
// The order matters for atomicity: the key is claimed only once both accounts are locked, so a
// claimed key always ends with the balances moved and the entries written.
func (l *Ledger) transferOnce(op string, action auditlog.Action, kind journal.Kind, customerID gid.ID, req Request) onceFunc {
	return func(ctx context.Context, scope, hash string) (*Outcome, bool, bool) {
		v := viewer.FromContext(ctx)
		if l.Client.Dialect() != dialect.Postgres || !v.IsPartnerAdmin() {
			return nil, false, false
		}
		if required, err := stepup.Required(ctx, l.Client); err != nil || required {
			return nil, false, false
		}
		// Postings of one partner take its account's row lock one after the other; they wait
		// for their turn here, first come first served, rather than on the row (keyQueue).
		release, err := l.postings.acquire(ctx, string(v.PartnerID))
		if err != nil {
			return nil, false, false
		}
		defer release()
		ctx = context.WithoutCancel(ctx) // (as attempt: once sent, a posting runs to its end)
		out, done, replay, err := l.runTransferOnce(ctx, op, action, kind, customerID, req, scope, hash)
		if err != nil {
			return nil, false, false // the general path decides (and says why)
		}
		return out, done, replay
	}
}

func (l *Ledger) runTransferOnce(ctx context.Context, op string, action auditlog.Action, kind journal.Kind, customerID gid.ID, req Request, scope, hash string) (*Outcome, bool, bool, error) {
	v := viewer.FromContext(ctx)
	c := l.Client
	spec := journalSpec{kind: kind, amount: req.Amount, partnerID: v.PartnerID, customerID: customerID,
		key: req.IdempotencyKey, reason: req.Reason}
	j, jrow, err := journalCreate(ctx, c, spec).PrepareRow()
	if err != nil {
		return nil, false, false, err
	}
	arow, err := audit.Builder(ctx, c, postingAudit(action, customerID, spec, j)).PrepareRow()
	if err != nil {
		return nil, false, false, err
	}
	out := &Outcome{JournalIDs: []gid.ID{j.ID}, Journals: []*ent.Journal{j}}
	response := oneJournalResponse(j.ID)
	now := Now()
	krow, err := c.IdempotencyRecord.Create().SetScope(scope).SetKey(req.IdempotencyKey).SetOperation(op).
		SetRequestHash(hash).SetCreatedAt(now).SetExpiresAt(now.Add(KeyTTL)).SetResponse(response).PrepareRow()
	if err != nil {
		return nil, false, false, err
	}
	from, to := PartnerCash(v.PartnerID).Key(), CustomerAllocated(customerID).Key()
	if kind == journal.KindRECLAIM {
		from, to = to, from
	}
	amount := req.Amount.Fen()

	t := newPGText()
	defer t.free()
	t.str(`WITH "c" AS MATERIALIZED (SELECT `).ident(customer.FieldAssociationType).str(" FROM ").ident(customer.Table).
		str(" WHERE ").ident(customer.FieldID).str(" = ").arg(string(customerID)).
		str(" AND ").ident(customer.FieldPartnerID).str(" = ").arg(string(v.PartnerID)).str(" FOR SHARE), ")
	t.str(`"l" AS MATERIALIZED (SELECT `).ident(account.FieldID).str(" FROM ").ident(account.Table).
		str(" WHERE ").ident(account.FieldOwnerKey).str(" IN (").arg(from)
	fromN := t.last()
	t.str(", ").arg(to).
		str(`) AND (SELECT count(*) FROM "c" WHERE `).ident(customer.FieldAssociationType).str(" = '").str(string(customer.AssociationTypeRESALE)).
		str("') > 0 ORDER BY ").ident(account.FieldID).str(" FOR UPDATE), ")
	t.str(`"k" AS (`)
	t.insertWhere(krow, `(SELECT count(*) FROM "l") = 2`)
	t.str(" ON CONFLICT (").ident(idempotencyrecord.FieldScope).str(", ").ident(idempotencyrecord.FieldKey).str(`) DO NOTHING RETURNING "id"), `)
	t.str(`"u" AS (UPDATE `).ident(account.Table).str(" SET ").ident(account.FieldUpdatedAt).str(" = ").arg(now)
	nowN := t.last()
	t.str(", ").ident(account.FieldBalance).str(" = ").ident(account.FieldBalance).str(" + CASE ").ident(account.FieldOwnerKey).
		str(" WHEN ").ref(fromN).str(" THEN CAST(").arg(-amount)
	debitN := t.last()
	t.str(" AS BIGINT) ELSE CAST(").arg(amount)
	creditN := t.last()
	t.str(" AS BIGINT) END").
		str(" WHERE ").ident(account.FieldID).str(` IN (SELECT "id" FROM "l") AND (SELECT count(*) FROM "k") > 0 RETURNING `).
		ident(account.FieldID).str(", ").ident(account.FieldOwnerKey).str(", ").ident(account.FieldBalance).str("), ")
	t.str(`"j" AS (`)
	t.insertWhere(jrow, `(SELECT count(*) FROM "u") = 2`)
	t.str(` RETURNING "id"), "a" AS (`)
	t.insertWhere(arow, `(SELECT count(*) FROM "u") = 2`)
	t.str(` RETURNING "id"), "e" AS (INSERT INTO `).ident(ledgerentry.Table).str(" (").
		ident(ledgerentry.FieldID).str(", ").ident(ledgerentry.FieldCreatedAt).str(", ").ident(ledgerentry.FieldJournalID).str(", ").
		ident(ledgerentry.FieldAccountID).str(", ").ident(ledgerentry.FieldAmount).str(", ").ident(ledgerentry.FieldBalanceAfter).
		str(") SELECT CASE ").ident(account.FieldOwnerKey).str(" WHEN ").ref(fromN).str(" THEN ").arg(string(ledgerentry.DefaultID())).
		str(" ELSE ").arg(string(ledgerentry.DefaultID())).str(" END, ").ref(nowN).str(", ").arg(string(j.ID)).str(", ").
		ident(account.FieldID).str(", CASE ").ident(account.FieldOwnerKey).str(" WHEN ").ref(fromN).str(" THEN ").ref(debitN).
		str(" ELSE ").ref(creditN).str(" END, ").ident(account.FieldBalance).
		str(` FROM "u" WHERE (SELECT count(*) FROM "j") + (SELECT count(*) FROM "a") = 2 RETURNING "id") `)
	t.str(`SELECT (SELECT `).ident(customer.FieldAssociationType).str(` FROM "c"), (SELECT count(*) FROM "l"), (SELECT count(*) FROM "k"), (SELECT count(*) FROM "e")`)

	rows, err := c.QuerySQL(sys(dbx.Prepared(ctx)), t.String(), t.args)
	if err != nil {
		return nil, false, false, err
	}
	defer rows.Close()
	var association stdsql.NullString
	var locked, claimed, entries int
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, false, false, err
		}
		return nil, false, false, fmt.Errorf("ledger: the posting statement returned no row")
	}
	if err := rows.Scan(&association, &locked, &claimed, &entries); err != nil {
		return nil, false, false, err
	}
	if err := rows.Close(); err != nil {
		return nil, false, false, err
	}
	switch {
	case claimed == 1 && entries == 2:
		return out, true, false, nil
	case claimed == 1:
		// (cannot happen: the claim comes after both accounts are locked, and then both move)
		return nil, false, false, fmt.Errorf("ledger: the posting statement claimed its key but wrote %d entries", entries)
	case locked == 2 && association.String == string(customer.AssociationTypeRESALE):
		return nil, false, true, nil // everything checked but the key: another request has it
	}
	return nil, false, false, nil
}

// postingAudit is the audit record of a posting to target.
func postingAudit(action auditlog.Action, target gid.ID, spec journalSpec, j *ent.Journal) audit.Entry {
	return audit.Entry{Action: action, TargetType: targetType(target), TargetID: target,
		ActingFor: spec.actingFor, Reason: spec.reason, Detail: string(spec.kind) + " " + spec.amount.String() + " " + j.TransactionNo}
}

// oneJournalResponse is json.Marshal of an Outcome with one journal ID (an ID needs no escaping),
// without its reflection.
func oneJournalResponse(id gid.ID) string { return `{"journalIds":["` + string(id) + `"]}` }
