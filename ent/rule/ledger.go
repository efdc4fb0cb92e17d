package rule

import (
	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/ledgerentry"
	"github.com/partnercenter/partnercenter/ent/privacy"
)

// The ledger's rows are only read through these rules; every write goes through
// internal/ledger, which checks the operation itself (against the same Customer rule, read with
// the viewer's context) and posts with viewer.SystemContext: their mutation policies deny.

// accounts is the condition on an account: those of the customers, quotas and coupons the viewer
// sees and, for an admin, the cash accounts of Partners. False: none.
func (s Scope) accounts() (entql.P, bool) {
	cust, ok := s.customers()
	if !ok {
		return nil, false
	}
	p := entql.HasEdgeWith(account.EdgeCustomer, cust)
	// The balances of the quotas and coupons the viewer sees.
	if q, ok := s.quotas(couponquota.FieldPartnerID); ok {
		p = entql.Or(p, entql.HasEdgeWith(account.EdgeQuota, q))
	}
	if c, ok := s.coupons(); ok {
		p = entql.Or(p, entql.HasEdgeWith(account.EdgeCoupon, c))
	}
	if s.Admin {
		p = entql.Or(in(account.FieldPartnerID, s.Partners), p)
	}
	return p, true
}

// FilterAccounts narrows reads of accounts to Scope.accounts.
func FilterAccounts() privacy.QueryMutationRule {
	return filterRule[*ent.AccountFilter]("account", Scope.accounts)
}

// FilterLedgerEntries narrows reads of ledger entries to those on the accounts the viewer reads.
func FilterLedgerEntries() privacy.QueryMutationRule {
	return filterRule[*ent.LedgerEntryFilter]("ledger entry", func(s Scope) (entql.P, bool) {
		p, ok := s.accounts()
		if !ok {
			return nil, false
		}
		return entql.HasEdgeWith(ledgerentry.EdgeAccount, p), true
	})
}

// FilterJournals narrows reads of journals: an admin reads those of Partners, also as the
// counterparty (a reseller receiving from its distributor); anyone else those of the customers
// it sees.
func FilterJournals() privacy.QueryMutationRule {
	return filterRule[*ent.JournalFilter]("journal", func(s Scope) (entql.P, bool) {
		if s.Admin {
			return entql.Or(in(journal.FieldPartnerID, s.Partners), in(journal.FieldCounterpartyPartnerID, s.Partners)), true
		}
		cust, ok := s.customers()
		if !ok {
			return nil, false
		}
		return entql.HasEdgeWith(journal.EdgeCustomer, cust), true
	})
}
