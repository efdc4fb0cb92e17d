package ledger

import (
	"context"
	stdsql "database/sql"
	"encoding/json"
	"errors"
	"strings"

	"entgo.io/ent/dialect"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/idempotencyrecord"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/predicate"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// MaxBatch is the most customers one batch allocation takes.
const MaxBatch = 100

// Request is what every money operation carries.
type Request struct {
	IdempotencyKey   string
	Amount           money.Money
	Reason           string
	VerificationCode *string
}

func (r Request) args(extra ...any) []any {
	return append([]any{r.Amount.String(), strings.TrimSpace(r.Reason)}, extra...)
}

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
	}
	return ""
}

// Recharge records money a partner paid in (offline remittance to its dedicated account, 专属汇款账号),
// by the platform: EXTERNAL -> the partner's cash.
func (l *Ledger) Recharge(ctx context.Context, partnerID gid.ID, req Request) (*Outcome, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPlatform() {
		return nil, apperr.New(apperr.Forbidden, "only the platform records recharges")
	}
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	if err := checkReason(req.Reason); err != nil {
		return nil, err
	}
	return l.run(ctx, "recharge", req.IdempotencyKey, req.args(partnerID), func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		if _, err := c.Partner.Get(ctx, partnerID); err != nil {
			return nil, apperr.BadInput("partnerID", "no partner with this ID")
		}
		return l.postAudited(ctx, c, auditlog.ActionRECHARGE, partnerID, journalSpec{kind: journal.KindRECHARGE, amount: req.Amount,
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
	return l.run(ctx, "recharge-online", req.IdempotencyKey, req.args(), func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		if err := gw.Charge(ctx, v.PartnerID, req.Amount, req.IdempotencyKey); err != nil {
			return nil, apperr.Refuse(apperr.BadUserInput, "PAYMENT_FAILED", "the payment was not completed: %v", err)
		}
		return l.postAudited(ctx, c, auditlog.ActionRECHARGE, v.PartnerID, journalSpec{kind: journal.KindRECHARGE, amount: req.Amount,
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
	return l.run(ctx, "recharge-customer", req.IdempotencyKey, req.args(customerID), func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		return l.postAudited(ctx, c, auditlog.ActionRECHARGE, customerID, journalSpec{kind: journal.KindRECHARGE, amount: req.Amount,
			customerID: customerID, key: req.IdempotencyKey, reason: req.Reason}, External(), CustomerOwn(customerID))
	})
}

// postAudited posts a two-leg journal (amount from -> to) with its audit record. Everything that
// needs no lock (the journal row, the audit record, the idempotency outcome) is written first;
// then the two accounts are locked, updated, and the entries written, and the caller commits.
func (l *Ledger) postAudited(ctx context.Context, c *ent.Client, action auditlog.Action, target gid.ID, spec journalSpec, from, to Owner) (*Outcome, error) {
	w, err := prepareJournalAudited(ctx, c, spec, func(j *ent.Journal) audit.Entry {
		return postingAudit(action, target, spec, j)
	})
	if err != nil {
		return nil, err
	}
	// Both statements have one text per journal shape: prepared (dbx.Prepared), PostgreSQL plans
	// them once per connection instead of on every posting.
	pctx := dbx.Prepared(ctx)
	accs, err := lockOwnersWith(pctx, c, w.with, from, to)
	if err != nil {
		return nil, err
	}
	if err := w.finish(ctx, c); err != nil {
		return nil, err
	}
	actx := pctx
	if last, _ := ctx.Value(lastPostingKey{}).(bool); last && w.with.written {
		// Nothing is left to write after the balances (the outcome rode on the locking
		// statement): the COMMIT goes with them, one round trip less.
		actx = dbx.CommitWith(pctx)
	}
	if err := applyLegs(actx, c, w.journal, []leg{{accs[0], money.Zero.Sub(spec.amount)}, {accs[1], spec.amount}}); err != nil {
		return nil, err
	}
	return w.out, nil
}

// lastPostingKey marks an operation whose transaction ends with postAudited's balances.
type lastPostingKey struct{}

// lastPosting marks ctx for an operation whose transaction ends with postAudited (nothing is
// written after it): the balances' statement then carries the COMMIT.
func lastPosting(ctx context.Context) context.Context {
	return context.WithValue(ctx, lastPostingKey{}, true)
}

// journalWrites are the three writes of a posting that need no lock: the journal, its audit
// record and (under an idempotency key) the operation's outcome. On PostgreSQL they ride on the
// statement that locks the accounts, as data-modifying WITH clauses (see lockOwnersWith): one
// round trip for four statements. Elsewhere, or if that statement did not carry them, finish
// writes them the usual way.
type journalWrites struct {
	journal *ent.Journal
	with    *withWrites
	create  *ent.JournalCreate
	audit   *ent.AuditLogCreate
	out     *Outcome
}

// withWrites are the rows of the WITH clause; written is set once a statement has carried them.
type withWrites struct {
	journal, audit ent.Row
	outcomeID      gid.ID // the idempotency record whose response is set ("" without a key)
	response       string
	written        bool
}

// write writes the WITH clause into t and returns the condition that makes the statement run it
// first: PostgreSQL runs a data-modifying WITH that the query does not read after the query,
// here after the accounts are locked; read by this condition (a one-time filter), the writes are
// done before any row is locked, and the locked window stays short.
func (w *withWrites) write(t *pgText) (string, error) {
	t.str(`WITH "j" AS (`)
	if err := t.insert(w.journal); err != nil {
		return "", err
	}
	t.str(` RETURNING "id"), "a" AS (`)
	if err := t.insert(w.audit); err != nil {
		return "", err
	}
	t.str(` RETURNING "id")`)
	gate := `(SELECT count(*) FROM "j") + (SELECT count(*) FROM "a")`
	if w.outcomeID != "" {
		t.str(`, "o" AS (UPDATE `).ident(idempotencyrecord.Table).str(" SET ").ident(idempotencyrecord.FieldResponse).str(" = ").arg(w.response).
			str(" WHERE ").ident(idempotencyrecord.FieldID).str(" = ").arg(string(w.outcomeID)).str(` RETURNING "id")`)
		gate += ` + (SELECT count(*) FROM "o")`
	}
	t.str(" ")
	return gate + " > 0", nil
}

func prepareJournalAudited(ctx context.Context, c *ent.Client, spec journalSpec, entry func(*ent.Journal) audit.Entry) (*journalWrites, error) {
	w := &journalWrites{create: journalCreate(ctx, c, spec), with: &withWrites{}}
	j, jr, err := w.create.PrepareRow()
	if err != nil {
		return nil, err
	}
	w.journal, w.with.journal = j, jr
	w.audit = audit.Builder(ctx, c, entry(j))
	if w.with.audit, err = w.audit.PrepareRow(); err != nil {
		return nil, err
	}
	w.out = &Outcome{JournalIDs: []gid.ID{j.ID}, Journals: []*ent.Journal{j}}
	if cl, keyed := ctx.Value(claimKey{}).(*claimed); keyed {
		response, err := json.Marshal(w.out)
		if err != nil {
			return nil, err
		}
		w.with.outcomeID, w.with.response = cl.id, string(response)
	}
	return w, nil
}

// finish writes what the locking statement did not carry.
func (w *journalWrites) finish(ctx context.Context, c *ent.Client) error {
	if w.with.written {
		if cl, keyed := ctx.Value(claimKey{}).(*claimed); keyed {
			cl.saved = true
		}
		return nil
	}
	j, err := w.create.Save(sys(ctx))
	if err != nil {
		return err
	}
	*w.journal = *j
	if err := w.audit.Exec(ctx); err != nil {
		return err
	}
	return saveOutcome(ctx, c, w.out)
}

// customerForMoney locks a customer the viewer may adjust: one of its partner's (or, for a
// distributor, its resellers') resale customers. It returns the partner whose money moves and
// the reseller the distributor acts for, if any. A shared lock: the association cannot change
// under the posting, yet concurrent postings to one customer queue only on its accounts. Only
// what the posting needs is read (no names or contacts).
func customerForMoney(ctx context.Context, c *ent.Client, id gid.ID) (gid.ID, gid.ID, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerAdmin() {
		return "", "", apperr.New(apperr.Forbidden, "only a partner admin moves money")
	}
	var partner, association *string
	var err error
	if c.Dialect() == dialect.Postgres {
		partner, association, err = customerForMoneyPostgres(ctx, c, v, id)
	} else {
		var cu *ent.Customer
		cu, err = c.Customer.Query().Where(customer.ID(id), predicate.Customer(dbx.ForShare)).
			Select(customer.FieldPartnerID, customer.FieldAssociationType).Only(ctx) // privacy-filtered
		if err == nil {
			partner, association = (*string)(cu.PartnerID), (*string)(cu.AssociationType)
		}
	}
	if serr := settleClaim(ctx, c, ent.IsNotFound(err)); serr != nil && (err == nil || ent.IsNotFound(err)) {
		return "", "", serr
	}
	if ent.IsNotFound(err) {
		return "", "", apperr.New(apperr.NotFound, "no customer with this ID")
	}
	if err != nil {
		return "", "", err
	}
	if partner == nil || association == nil {
		return "", "", apperr.Refuse(apperr.BadUserInput, "NOT_ASSOCIATED", "the customer is not associated with a partner")
	}
	if customer.AssociationType(*association) != customer.AssociationTypeRESALE {
		return "", "", apperr.Refuse(apperr.BadUserInput, "ADVISORY_CUSTOMER", "an advisory customer pays the cloud directly: its account cannot be adjusted")
	}
	var actingFor gid.ID
	if gid.ID(*partner) != v.PartnerID {
		actingFor = gid.ID(*partner) // a distributor acting for its reseller
	}
	return gid.ID(*partner), actingFor, nil
}

// customerForMoneyPostgres is customerForMoney's statement on PostgreSQL, written directly
// (pgText, prepared) and carrying the claim of the key (claimFirst):
//
//	[WITH "k" AS (INSERT INTO idempotency_records ...)] SELECT partner_id, association_type
//	FROM customers WHERE id = $1 AND partner_id IN (the viewer's partners) [AND the claim's
//	condition] FOR SHARE
//
// The partner condition is the Customer privacy rule for a partner admin (ent/rule
// FilterCustomers), the only viewer that gets here; the privacy tests hold both to it.
func customerForMoneyPostgres(ctx context.Context, c *ent.Client, v *viewer.Viewer, id gid.ID) (partner, association *string, err error) {
	t := newPGText()
	defer t.free()
	gate, err := claimFirst(ctx, t)
	if err != nil {
		return nil, nil, err
	}
	t.str("SELECT ").ident(customer.FieldPartnerID).str(", ").ident(customer.FieldAssociationType).
		str(" FROM ").ident(customer.Table).str(" WHERE ").ident(customer.FieldID).str(" = ").arg(string(id)).
		str(" AND ").ident(customer.FieldPartnerID).str(" IN ")
	argsIn(t, v.PartnerIDs())
	if gate != "" {
		t.str(" AND ").str(gate)
	}
	t.str(" FOR SHARE")
	rows, err := c.QuerySQL(sys(dbx.Prepared(ctx)), t.String(), t.args)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, nil, err
		}
		return nil, nil, &ent.NotFoundError{}
	}
	var p, a stdsql.NullString
	if err := rows.Scan(&p, &a); err != nil {
		return nil, nil, err
	}
	if p.Valid {
		partner = &p.String
	}
	if a.Valid {
		association = &a.String
	}
	return partner, association, rows.Close()
}

// AllocateBalance moves money from the partner's account to a resale customer (拨款).
func (l *Ledger) AllocateBalance(ctx context.Context, customerID gid.ID, req Request) (*Outcome, error) {
	return l.customerTransfer(ctx, "allocate", auditlog.ActionALLOCATE, journal.KindALLOCATE, customerID, req)
}

// ReclaimBalance takes money back from a resale customer (回收), at most what was allocated.
func (l *Ledger) ReclaimBalance(ctx context.Context, customerID gid.ID, req Request) (*Outcome, error) {
	return l.customerTransfer(ctx, "reclaim", auditlog.ActionRECLAIM, journal.KindRECLAIM, customerID, req)
}

func (l *Ledger) customerTransfer(ctx context.Context, op string, action auditlog.Action, kind journal.Kind, customerID gid.ID, req Request) (*Outcome, error) {
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	if err := checkReason(req.Reason); err != nil {
		return nil, err
	}
	once := l.transferOnce(op, action, kind, customerID, req)
	return l.runClaiming(ctx, op, req.IdempotencyKey, req.args(customerID), true, once, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		partnerID, actingFor, err := customerForMoney(ctx, c, customerID) // (claims the key)
		if errors.Is(err, errKeyTaken) {
			return nil, err
		}
		if err != nil {
			return nil, refuse(ctx, c, action, customerID, err)
		}
		if err := stepup.Check(ctx, c, Operation(op), req.VerificationCode); err != nil {
			return nil, refuse(ctx, c, action, customerID, err)
		}
		from, to := PartnerCash(partnerID), CustomerAllocated(customerID)
		if kind == journal.KindRECLAIM {
			from, to = to, from
		}
		out, err := l.postAudited(lastPosting(ctx), c, action, customerID, journalSpec{kind: kind, amount: req.Amount, partnerID: partnerID,
			customerID: customerID, actingFor: actingFor, key: req.IdempotencyKey, reason: req.Reason}, from, to)
		if err != nil {
			return nil, refuse(ctx, c, action, customerID, err)
		}
		return out, nil
	})
}

// Operation names a money operation for step-up verification messages.
type Operation = stepup.Operation

// BatchAllocate allocates the same amount to up to 100 customers (批量拨款): all or nothing. If any
// customer is refused nothing moves, and the answer says which ones and why.
func (l *Ledger) BatchAllocate(ctx context.Context, customerIDs []gid.ID, req Request) (*Outcome, error) {
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	if len(customerIDs) == 0 || len(customerIDs) > MaxBatch {
		return nil, apperr.BadInput("customerIDs", "give 1 to %d customers", MaxBatch)
	}
	seen := map[gid.ID]bool{}
	for _, id := range customerIDs {
		if seen[id] {
			return nil, apperr.BadInput("customerIDs", "a customer is listed twice")
		}
		seen[id] = true
	}
	return l.run(ctx, "batch-allocate", req.IdempotencyKey, req.args(customerIDs), func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		v := viewer.FromContext(ctx)
		if !v.IsPartnerAdmin() {
			return nil, apperr.New(apperr.Forbidden, "only a partner admin moves money")
		}
		if err := stepup.Check(ctx, c, "batch allocation", req.VerificationCode); err != nil {
			return nil, refuse(ctx, c, auditlog.ActionBATCH_ALLOCATE, "", err)
		}
		sorted := append([]gid.ID(nil), customerIDs...)
		slicesSort(sorted)
		found, err := c.Customer.Query().Where(customer.IDIn(sorted...), predicate.Customer(dbx.ForUpdate)).
			Order(ent.Asc(customer.FieldID)).All(ctx)
		if err != nil {
			return nil, err
		}
		byID := map[gid.ID]*ent.Customer{}
		for _, cu := range found {
			byID[cu.ID] = cu
		}
		out := &Outcome{Rows: make([]RowOutcome, len(customerIDs))}
		owners := []Owner{}
		partners := map[gid.ID]money.Money{}
		for i, id := range customerIDs {
			cu := byID[id]
			row := RowOutcome{ID: id, OK: true}
			var e *apperr.Error
			switch {
			case cu == nil:
				e = apperr.New(apperr.NotFound, "no customer with this ID")
			case cu.PartnerID == nil || cu.AssociationType == nil:
				e = apperr.Refuse(apperr.BadUserInput, "NOT_ASSOCIATED", "the customer is not associated with a partner")
			case *cu.AssociationType != customer.AssociationTypeRESALE:
				e = apperr.Refuse(apperr.BadUserInput, "ADVISORY_CUSTOMER", "an advisory customer's account cannot be adjusted")
			}
			if e != nil {
				row = RowOutcome{ID: id, Code: string(e.Code), Reason: e.Reason, Message: e.Message}
				out.Failed = true
			} else {
				partners[*cu.PartnerID] = partners[*cu.PartnerID].Add(req.Amount)
				owners = append(owners, CustomerAllocated(id))
			}
			out.Rows[i] = row
		}
		if out.Failed {
			for i := range out.Rows {
				if out.Rows[i].OK {
					out.Rows[i].OK, out.Rows[i].Code, out.Rows[i].Message = false, "NOT_ATTEMPTED", "not moved: another customer of the batch was refused"
				}
			}
			return out, refuseBatch(ctx, c, out)
		}
		for p := range partners {
			owners = append(owners, PartnerCash(p))
		}
		accs, err := lockOwners(ctx, c, owners...)
		if err != nil {
			return nil, err
		}
		byOwner := map[Owner]*ent.Account{}
		for i, o := range owners {
			byOwner[o] = accs[i]
		}
		for p, total := range partners {
			if a := byOwner[PartnerCash(p)]; a.Balance.Cmp(total) < 0 {
				out.Failed = true
				for i := range out.Rows {
					out.Rows[i] = RowOutcome{ID: out.Rows[i].ID, Code: string(apperr.BadUserInput), Reason: "INSUFFICIENT_BALANCE",
						Message: "the partner's balance (" + a.Balance.String() + ") is less than the batch total (" + total.String() + ")"}
				}
				return out, refuseBatch(ctx, c, out)
			}
		}
		batchID := string(gid.New("B"))
		for i, id := range customerIDs {
			cu := byID[id]
			var actingFor gid.ID
			if *cu.PartnerID != v.PartnerID {
				actingFor = *cu.PartnerID
			}
			spec := journalSpec{kind: journal.KindALLOCATE, amount: req.Amount, partnerID: *cu.PartnerID, customerID: id,
				actingFor: actingFor, key: req.IdempotencyKey, reason: req.Reason, batchID: batchID}
			j, err := post(ctx, c, spec, []leg{{byOwner[PartnerCash(*cu.PartnerID)], money.Zero.Sub(req.Amount)}, {byOwner[CustomerAllocated(id)], req.Amount}})
			if err != nil {
				return nil, err
			}
			out.JournalIDs = append(out.JournalIDs, j.ID)
			out.Rows[i].JournalID = j.ID
		}
		if err := audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionBATCH_ALLOCATE, Reason: req.Reason,
			Detail: "allocated " + req.Amount.String() + " to each of " + itoa(len(customerIDs)) + " customers, batch " + batchID}); err != nil {
			return nil, err
		}
		return out, nil
	})
}

func refuseBatch(ctx context.Context, c *ent.Client, out *Outcome) error {
	return audit.RecordRefusal(ctx, c, audit.Entry{Action: auditlog.ActionBATCH_ALLOCATE, Detail: "refused: " + firstFailure(out)})
}

func firstFailure(out *Outcome) string {
	for _, r := range out.Rows {
		if !r.OK && r.Code != "NOT_ATTEMPTED" {
			return string(r.ID) + ": " + r.Message
		}
	}
	return ""
}

// resellerOf returns a reseller of the viewer's distributor.
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
	return l.run(ctx, op, req.IdempotencyKey, req.args(resellerID), func(ctx context.Context, c *ent.Client) (*Outcome, error) {
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
		out, err := l.postAudited(lastPosting(ctx), c, action, resellerID, journalSpec{kind: kind, amount: req.Amount, partnerID: v.PartnerID,
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

// Withdraw pays a customer's own recharged balance out (what resale association requires first).
func (l *Ledger) Withdraw(ctx context.Context, req Request) (*Outcome, error) {
	v := viewer.FromContext(ctx)
	if !v.IsCustomer() {
		return nil, apperr.New(apperr.Forbidden, "a customer withdraws its own balance")
	}
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	return l.run(ctx, "withdraw", req.IdempotencyKey, req.args(), func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		out, err := l.postAudited(lastPosting(ctx), c, auditlog.ActionWITHDRAW, v.CustomerID, journalSpec{kind: journal.KindWITHDRAW, amount: req.Amount,
			customerID: v.CustomerID, key: req.IdempotencyKey, reason: req.Reason}, CustomerOwn(v.CustomerID), External())
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionWITHDRAW, v.CustomerID, err)
		}
		return out, nil
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

// ReturnOnDisassociation is the customers.Service hook: the customer's whole allocated balance
// returns to its partner, as a journal of its own kind, inside the disassociation's transaction.
func ReturnOnDisassociation(ctx context.Context, c *ent.Client, cu *ent.Customer, partnerID gid.ID) error {
	accs, err := lockOwners(ctx, c, CustomerAllocated(cu.ID), PartnerCash(partnerID))
	if err != nil {
		return err
	}
	amount := accs[0].Balance
	if !amount.IsPositive() {
		return nil
	}
	j, err := post(ctx, c, journalSpec{kind: journal.KindRECLAIM_ON_DISASSOCIATION, amount: amount, partnerID: partnerID,
		customerID: cu.ID, reason: "disassociation"}, []leg{{accs[0], money.Zero.Sub(amount)}, {accs[1], amount}})
	if err != nil {
		return err
	}
	return audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionRECLAIM_ON_DISASSOCIATION, TargetType: "Customer",
		TargetID: cu.ID, PartnerID: partnerID, Detail: "returned " + amount.String() + " " + j.TransactionNo})
}
