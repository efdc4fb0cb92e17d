package ledger

import (
	"context"
	"strconv"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/journal"
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

// moneyCustomers reads the customers whose accounts the viewer adjusts, through the viewer's
// privacy rules (another partner's customer is simply not found), share-locked: the association
// cannot change under the posting, yet concurrent postings to one customer queue only on its
// accounts. Only what a posting needs is read (no names or contacts).
func moneyCustomers(ctx context.Context, c *ent.Client, ids ...gid.ID) (map[gid.ID]*ent.Customer, error) {
	if !viewer.FromContext(ctx).IsPartnerAdmin() {
		return nil, apperr.New(apperr.Forbidden, "only a partner admin moves money")
	}
	found, err := c.Customer.Query().Where(customer.IDIn(ids...), predicate.Customer(dbx.ForShare)).
		Select(customer.FieldPartnerID, customer.FieldAssociationType).Order(ent.Asc(customer.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[gid.ID]*ent.Customer, len(found))
	for _, cu := range found {
		out[cu.ID] = cu
	}
	return out, nil
}

// adjustable refuses a customer whose account its partner may not adjust (DOMAIN.md §3: only a
// resale customer's); nil is a customer the viewer may not see.
func adjustable(cu *ent.Customer) *apperr.Error {
	switch {
	case cu == nil:
		return apperr.New(apperr.NotFound, "no customer with this ID")
	case cu.PartnerID == nil || cu.AssociationType == nil:
		return apperr.Refuse(apperr.BadUserInput, "NOT_ASSOCIATED", "the customer is not associated with a partner")
	case *cu.AssociationType != customer.AssociationTypeRESALE:
		return apperr.Refuse(apperr.BadUserInput, "ADVISORY_CUSTOMER", "an advisory customer pays the cloud directly: its account cannot be adjusted")
	}
	return nil
}

// actingFor is the reseller a distributor acts for when it moves money of its reseller's customer.
func actingFor(ctx context.Context, cu *ent.Customer) gid.ID {
	if *cu.PartnerID != viewer.FromContext(ctx).PartnerID {
		return *cu.PartnerID
	}
	return ""
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
	plan := planned(1)
	return l.run(ctx, op, req.IdempotencyKey, req.args(customerID), plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		found, err := moneyCustomers(ctx, c, customerID)
		if err != nil {
			return nil, refuse(ctx, c, action, customerID, err)
		}
		cu := found[customerID]
		if e := adjustable(cu); e != nil {
			return nil, refuse(ctx, c, action, customerID, e)
		}
		if err := stepup.Check(ctx, c, Operation(op), req.VerificationCode); err != nil {
			return nil, refuse(ctx, c, action, customerID, err)
		}
		from, to := PartnerCash(*cu.PartnerID), CustomerAllocated(customerID)
		if kind == journal.KindRECLAIM {
			from, to = to, from
		}
		out, err := postAudited(ctx, c, action, customerID, journalSpec{id: plan.JournalIDs[0], kind: kind, amount: req.Amount, partnerID: *cu.PartnerID,
			customerID: customerID, actingFor: actingFor(ctx, cu), key: req.IdempotencyKey, reason: req.Reason}, from, to)
		if err != nil {
			return nil, refuse(ctx, c, action, customerID, err)
		}
		return out, nil
	})
}

// BatchAllocate allocates the same amount to up to 100 customers (批量拨款): all or nothing. If any
// customer is refused nothing moves, and the answer says which ones and why.
func (l *Ledger) BatchAllocate(ctx context.Context, customerIDs []gid.ID, req Request) (*Outcome, error) {
	if err := CheckAmount("amount", req.Amount); err != nil {
		return nil, err
	}
	if err := checkBatch("customerIDs", customerIDs); err != nil {
		return nil, err
	}
	plan := planned(len(customerIDs))
	plan.Rows = make([]RowOutcome, len(customerIDs))
	for i, id := range customerIDs {
		plan.Rows[i] = RowOutcome{ID: id, OK: true, JournalID: plan.JournalIDs[i]}
	}
	return l.run(ctx, "batch-allocate", req.IdempotencyKey, req.args(customerIDs), plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		byID, err := moneyCustomers(ctx, c, customerIDs...)
		if err != nil {
			return nil, err
		}
		if err := stepup.Check(ctx, c, "batch allocation", req.VerificationCode); err != nil {
			return nil, refuse(ctx, c, auditlog.ActionBATCH_ALLOCATE, "", err)
		}
		out := &Outcome{Rows: make([]RowOutcome, len(customerIDs))}
		refusals := make([]*apperr.Error, len(customerIDs))
		owners := []Owner{}
		totals := map[gid.ID]money.Money{} // per paying partner (a distributor pays for each of its resellers' customers from the reseller's account)
		for i, id := range customerIDs {
			out.Rows[i] = RowOutcome{ID: id, OK: true}
			if refusals[i] = adjustable(byID[id]); refusals[i] != nil {
				continue
			}
			p := *byID[id].PartnerID
			if _, seen := totals[p]; !seen {
				owners = append(owners, PartnerCash(p))
			}
			totals[p] = totals[p].Add(req.Amount)
			owners = append(owners, CustomerAllocated(id))
		}
		if failRows(out, refusals) {
			return out, refuseBatch(ctx, c, auditlog.ActionBATCH_ALLOCATE, out)
		}
		accs, err := lockOwners(ctx, c, owners...)
		if err != nil {
			return nil, err
		}
		byOwner := map[Owner]*ent.Account{}
		for i, o := range owners {
			byOwner[o] = accs[i]
		}
		for p, total := range totals {
			if a := byOwner[PartnerCash(p)]; a.Balance.Cmp(total) < 0 {
				failAll(out, apperr.Refuse(apperr.BadUserInput, "INSUFFICIENT_BALANCE", "the partner's balance (%s) is less than the batch total (%s)", a.Balance, total))
				return out, refuseBatch(ctx, c, auditlog.ActionBATCH_ALLOCATE, out)
			}
		}
		batchID := string(gid.New("B"))
		postings := make([]posting, len(customerIDs))
		for i, id := range customerIDs {
			cu := byID[id]
			postings[i] = posting{journalSpec{id: plan.JournalIDs[i], kind: journal.KindALLOCATE, amount: req.Amount, partnerID: *cu.PartnerID, customerID: id,
				actingFor: actingFor(ctx, cu), key: req.IdempotencyKey, reason: req.Reason, batchID: batchID},
				[]leg{{byOwner[PartnerCash(*cu.PartnerID)], money.Zero.Sub(req.Amount)}, {byOwner[CustomerAllocated(id)], req.Amount}}}
		}
		js, err := post(ctx, c, postings...)
		if err != nil {
			return nil, err
		}
		out.Journals = js
		for i, j := range js {
			out.JournalIDs = append(out.JournalIDs, j.ID)
			out.Rows[i].JournalID = j.ID
		}
		if err := audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionBATCH_ALLOCATE, Reason: req.Reason,
			Detail: "allocated " + req.Amount.String() + " to each of " + strconv.Itoa(len(customerIDs)) + " customers, batch " + batchID}); err != nil {
			return nil, err
		}
		return out, nil
	})
}

func refuseBatch(ctx context.Context, c *ent.Client, action auditlog.Action, out *Outcome) error {
	return audit.RecordRefusal(ctx, c, audit.Entry{Action: action, Detail: "refused: " + firstFailure(out)})
}

func firstFailure(out *Outcome) string {
	for _, r := range out.Rows {
		if !r.OK && r.Code != "NOT_ATTEMPTED" {
			return string(r.ID) + ": " + r.Message
		}
	}
	return ""
}

// ReturnOnDisassociation is the customers.Service hook: the customer's whole allocated balance
// returns to its partner, as a journal of its own kind, and the coupons the partner issued to it
// return to their quotas (record type 3), inside the disassociation's transaction.
func ReturnOnDisassociation(ctx context.Context, c *ent.Client, cu *ent.Customer, partnerID gid.ID) error {
	if _, err := ReclaimCustomerCoupons(ctx, c, cu.ID, partnerID, nil, couponrecord.TypeRECLAIMED_ON_DISASSOCIATION); err != nil {
		return err
	}
	accs, err := lockOwners(ctx, c, CustomerAllocated(cu.ID), PartnerCash(partnerID))
	if err != nil {
		return err
	}
	amount := accs[0].Balance
	if !amount.IsPositive() {
		return nil
	}
	js, err := post(ctx, c, posting{journalSpec{kind: journal.KindRECLAIM_ON_DISASSOCIATION, amount: amount, partnerID: partnerID,
		customerID: cu.ID, reason: "disassociation"}, []leg{{accs[0], money.Zero.Sub(amount)}, {accs[1], amount}}})
	if err != nil {
		return err
	}
	return audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionRECLAIM_ON_DISASSOCIATION, TargetType: "Customer",
		TargetID: cu.ID, PartnerID: partnerID, Detail: "returned " + amount.String() + " " + js[0].TransactionNo})
}
