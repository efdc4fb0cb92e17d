//go:build !bootstrap

package schema

// Policies live in this one file: they import the generated privacy package, which a first
// generation (ENT_BOOTSTRAP=1, see entc.go) has to create before they can compile. The rules
// themselves are in ent/rule, derived from what each role sees (rule.ScopeOf). Every mutation
// policy ends in a deny.

import (
	"entgo.io/ent"

	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/ent/rule"
)

// Policy of Partner.
func (Partner) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), rule.FilterPartners()},
		Mutation: privacy.MutationPolicy{rule.AllowIfPlatform(), rule.AllowAdminUpdateOwnPartner(), privacy.AlwaysDenyRule()},
	}
}

// Policy of User.
func (User) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), rule.FilterUsers()},
		Mutation: privacy.MutationPolicy{rule.AllowIfPlatform(), rule.AllowSelfUpdate(), privacy.AlwaysDenyRule()},
	}
}

// Policy of Customer: the same filter narrows reads and updates.
func (Customer) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), rule.FilterCustomers()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(),
			rule.FilterCustomers(), rule.AllowScopedWrite(), privacy.AlwaysDenyRule()},
	}
}

// Policy of Association.
func (Association) Policy() ent.Policy {
	return customerRecordPolicy(rule.FilterAssociations())
}

// Policy of Session: only authentication itself (through viewer.SystemContext) reads or writes it.
func (Session) Policy() ent.Policy { return systemOnlyPolicy() }

// Policy of AuditLog: append-only; one appends records of one's own actions.
func (AuditLog) Policy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), rule.FilterAuditLogs()},
		Mutation: privacy.MutationPolicy{rule.AllowAuditOfSelf(), privacy.AlwaysDenyRule()},
	}
}

// Policy of APIKey: the partner admin's own.
func (APIKey) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), rule.FilterAPIKeys()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowAdminCreateAPIKey(),
			rule.FilterAPIKeys(), rule.AllowAdminRevokeAPIKey(), privacy.AlwaysDenyRule()},
	}
}

// Policy of AssociationEvent: both sides of the association see it; either side records its steps.
func (AssociationEvent) Policy() ent.Policy {
	return customerRecordPolicy(rule.FilterAssociationEvents())
}

// Policy of ManagerAssignment.
func (ManagerAssignment) Policy() ent.Policy {
	return customerRecordPolicy(rule.FilterManagerAssignments())
}

// customerRecordPolicy is the policy of records kept of a customer: reads and updates narrowed
// by the entity's filter, appends inside the viewer's scope.
func customerRecordPolicy(filter privacy.QueryMutationRule) ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), filter},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(),
			filter, rule.AllowScopedWrite(), privacy.AlwaysDenyRule()},
	}
}

// Policy of ResellerApplication.
func (ResellerApplication) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), rule.FilterResellerApplications()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(),
			rule.AllowResellerApplicationWrites(), privacy.AlwaysDenyRule()},
	}
}

// Policy of VerificationCode: only the registration code service (through viewer.SystemContext).
func (VerificationCode) Policy() ent.Policy { return systemOnlyPolicy() }

// ledgerPolicy: reads are scoped; every write goes through internal/ledger (or the coupon
// operations), which checks the operation itself and posts with viewer.SystemContext.
func ledgerPolicy(read privacy.QueryRule) ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), read},
		Mutation: privacy.MutationPolicy{privacy.AlwaysDenyRule()},
	}
}

// Policy of Account.
func (Account) Policy() ent.Policy { return ledgerPolicy(rule.FilterAccounts()) }

// Policy of Journal.
func (Journal) Policy() ent.Policy { return ledgerPolicy(rule.FilterJournals()) }

// Policy of LedgerEntry.
func (LedgerEntry) Policy() ent.Policy { return ledgerPolicy(rule.FilterLedgerEntries()) }

// Policy of IdempotencyRecord: only the ledger, through viewer.SystemContext.
func (IdempotencyRecord) Policy() ent.Policy { return systemOnlyPolicy() }

// systemOnlyPolicy refuses every viewer; only viewer.SystemContext gets through.
func systemOnlyPolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.SystemOnly()},
		Mutation: privacy.MutationPolicy{rule.SystemOnly()},
	}
}

// Policy of CouponQuota: written only by the coupon operations (viewer.SystemContext).
func (CouponQuota) Policy() ent.Policy { return ledgerPolicy(rule.FilterCouponQuotas()) }

// Policy of Coupon: written only by the coupon operations (viewer.SystemContext).
func (Coupon) Policy() ent.Policy { return ledgerPolicy(rule.FilterCoupons()) }

// Policy of CouponLimit: written with its quota or coupon by the coupon operations.
func (CouponLimit) Policy() ent.Policy { return ledgerPolicy(rule.FilterCouponLimits()) }

// Policy of CouponRecord: appended only by the coupon operations; never changed.
func (CouponRecord) Policy() ent.Policy { return ledgerPolicy(rule.FilterCouponRecords()) }

// Policy of CustomerWhitelist: the partner's admin maintains its own.
func (CustomerWhitelist) Policy() ent.Policy {
	return privacy.Policy{
		Query: privacy.QueryPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(), rule.FilterCustomerWhitelists()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowIfPlatform(),
			rule.FilterCustomerWhitelists(), rule.AllowWhitelistWrites(), privacy.AlwaysDenyRule()},
	}
}

// cataloguePolicy: anyone logged in reads the catalogue (customers too); only the platform
// writes it, never through a read-only key.
func cataloguePolicy() ent.Policy {
	return privacy.Policy{
		Query:    privacy.QueryPolicy{rule.DenyIfNoViewer(), privacy.AlwaysAllowRule()},
		Mutation: privacy.MutationPolicy{rule.DenyIfNoViewer(), rule.AllowCatalogueWrite(), privacy.AlwaysDenyRule()},
	}
}

// Policy of ServiceType.
func (ServiceType) Policy() ent.Policy { return cataloguePolicy() }

// Policy of Product.
func (Product) Policy() ent.Policy { return cataloguePolicy() }
