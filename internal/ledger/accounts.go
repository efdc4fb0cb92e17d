package ledger

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/predicate"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
)

// Owner names one account: its kind and its partner, customer, coupon quota or coupon.
type Owner struct {
	Kind     account.Kind
	Partner  gid.ID
	Customer gid.ID
	Quota    gid.ID
	Coupon   gid.ID
}

// QuotaBalance is a coupon quota's balance: what its partner may still issue out of it.
func QuotaBalance(q gid.ID) Owner { return Owner{Kind: account.KindCOUPON_QUOTA, Quota: q} }

// CouponBalance is a coupon's remaining balance.
func CouponBalance(c gid.ID) Owner { return Owner{Kind: account.KindCOUPON, Coupon: c} }

// PartnerCash is a partner's account.
func PartnerCash(p gid.ID) Owner { return Owner{Kind: account.KindPARTNER_CASH, Partner: p} }

// CustomerAllocated is what a customer's partner allocated to it.
func CustomerAllocated(c gid.ID) Owner {
	return Owner{Kind: account.KindCUSTOMER_ALLOCATED, Customer: c}
}

// CustomerOwn is what a customer recharged itself.
func CustomerOwn(c gid.ID) Owner { return Owner{Kind: account.KindCUSTOMER_OWN, Customer: c} }

// External is the platform's account for money entering and leaving.
func External() Owner { return Owner{Kind: account.KindEXTERNAL} }

// Key is the account's unique owner key.
func (o Owner) Key() string {
	switch {
	case o.Kind == account.KindEXTERNAL:
		return string(o.Kind)
	case o.Customer != "":
		return string(o.Kind) + ":" + string(o.Customer)
	case o.Quota != "":
		return string(o.Kind) + ":" + string(o.Quota)
	case o.Coupon != "":
		return string(o.Kind) + ":" + string(o.Coupon)
	default:
		return string(o.Kind) + ":" + string(o.Partner)
	}
}

func (o Owner) predicate() predicate.Account { return account.OwnerKey(o.Key()) }

// lockOwners finds and locks the accounts of the owners in one statement, in ID order (FOR
// UPDATE on PostgreSQL; SQLite's writers are serialised by BEGIN IMMEDIATE), creating any that do
// not exist yet. The result follows the order of owners. This is the only place accounts are
// locked: every posting locks in the same order, so two postings never deadlock on accounts.
func lockOwners(ctx context.Context, c *ent.Client, owners ...Owner) ([]*ent.Account, error) {
	keys := make([]string, len(owners))
	for i, o := range owners {
		keys[i] = o.Key()
	}
	for round := 0; round < 2; round++ {
		accs, err := c.Account.Query().Where(account.OwnerKeyIn(keys...), predicate.Account(dbx.ForUpdate)).
			Select(account.FieldKind, account.FieldOwnerKey, account.FieldBalance). // what a posting reads
			Order(ent.Asc(account.FieldID)).All(sys(ctx))
		if err != nil {
			return nil, err
		}
		byKey := make(map[string]*ent.Account, len(accs))
		for _, a := range accs {
			byKey[a.OwnerKey] = a
		}
		out := make([]*ent.Account, len(owners))
		missing := false
		for i, k := range keys {
			if out[i] = byKey[k]; out[i] == nil {
				missing = true
			}
		}
		if !missing {
			return out, nil
		}
		if err := EnsureAccounts(ctx, c, owners...); err != nil {
			return nil, err
		}
	}
	return nil, errMissingAccount
}

type ledgerError string

func (e ledgerError) Error() string { return string(e) }

const errMissingAccount = ledgerError("ledger: an account could not be created")

// EnsureAccounts creates the accounts that do not exist yet (creating partners and customers
// calls it, so postings rarely need to).
func EnsureAccounts(ctx context.Context, c *ent.Client, owners ...Owner) error {
	creates := make([]*ent.AccountCreate, 0, len(owners))
	for _, o := range owners {
		q := c.Account.Create().SetKind(o.Kind).SetOwnerKey(o.Key()).SetCreatedAt(Now())
		if o.Partner != "" {
			q.SetPartnerID(o.Partner)
		}
		if o.Customer != "" {
			q.SetCustomerID(o.Customer)
		}
		if o.Quota != "" {
			q.SetQuotaID(o.Quota)
		}
		if o.Coupon != "" {
			q.SetCouponID(o.Coupon)
		}
		creates = append(creates, q)
	}
	if len(creates) == 0 {
		return nil
	}
	for start := 0; start < len(creates); start += 500 { // stay under the drivers' parameter limits
		end := min(start+500, len(creates))
		if err := c.Account.CreateBulk(creates[start:end]...).OnConflict(sql.ConflictColumns(account.FieldOwnerKey), sql.DoNothing()).Exec(sys(ctx)); err != nil {
			return err
		}
	}
	return nil
}

// Init makes the platform's EXTERNAL account if the database has none; its unique owner key
// keeps concurrent starts from making two.
func Init(ctx context.Context, c *ent.Client) error {
	return EnsureAccounts(ctx, c, External())
}

// Seed posts a journal outside any request (demo data, bulk loads): amount from -> to, with no
// idempotency key and no audit record. It locks like any posting.
func Seed(ctx context.Context, c *ent.Client, kind journal.Kind, amount money.Money, from, to Owner, partnerID, customerID gid.ID) error {
	accs, err := lockOwners(ctx, c, from, to)
	if err != nil {
		return err
	}
	_, err = post(ctx, c, posting{journalSpec{kind: kind, amount: amount, partnerID: partnerID, customerID: customerID, reason: "demo data", operatorName: "demo"},
		[]leg{{accs[0], money.Zero.Sub(amount)}, {accs[1], amount}}})
	return err
}
