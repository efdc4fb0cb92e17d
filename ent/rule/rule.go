// Package rule holds the ent privacy rules that every path (GraphQL, exports, jobs) goes through:
// who sees which rows is decided here, not in resolvers.
package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// DenyIfNoViewer refuses any operation without an authenticated viewer.
func DenyIfNoViewer() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx) == nil {
			return privacy.Denyf("no viewer")
		}
		return privacy.Skip
	})
}

// AllowIfPlatform lets the platform operator see and change everything.
func AllowIfPlatform() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).IsPlatform() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// FilterPartnerSelf limits partner staff to their own partner (and a distributor to its resellers).
func FilterPartnerSelf() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		pf, ok := f.(*ent.PartnerFilter)
		if !ok {
			return privacy.Denyf("unexpected filter %T", f)
		}
		switch {
		case v.IsPartnerStaff():
			pid := string(v.PartnerID)
			pf.Where(entql.Or(entql.FieldEQ("id", pid), entql.FieldEQ("distributor_id", pid)))
			return privacy.Skip
		case v.IsCustomer():
			pf.WhereHasCustomersWith(customer.ID(v.CustomerID))
			return privacy.Skip
		}
		return privacy.Denyf("no partner visible")
	})
}

// FilterUsers limits partner staff to their partner's users and a customer to itself.
func FilterUsers() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		uf, ok := f.(*ent.UserFilter)
		if !ok {
			return privacy.Denyf("unexpected filter %T", f)
		}
		switch {
		case v.IsPartnerStaff():
			uf.WherePartnerID(entql.StringEQ(string(v.PartnerID)))
			return privacy.Skip
		case v != nil:
			uf.WhereID(entql.StringEQ(string(v.UserID)))
			return privacy.Skip
		}
		return privacy.Denyf("no user visible")
	})
}

// FilterCustomers limits partner staff to the customers associated with their partner, and a
// customer's user to its own customer.
func FilterCustomers() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		cf, ok := f.(*ent.CustomerFilter)
		if !ok {
			return privacy.Denyf("unexpected filter %T", f)
		}
		switch {
		case v.IsPartnerStaff():
			cf.WherePartnerID(entql.StringEQ(string(v.PartnerID)))
			return privacy.Skip
		case v.IsCustomer():
			cf.WhereID(entql.StringEQ(string(v.CustomerID)))
			return privacy.Skip
		}
		return privacy.Denyf("no customer visible")
	})
}

// FilterAssociations limits associations to the viewer's partner or customer.
func FilterAssociations() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		af, ok := f.(*ent.AssociationFilter)
		if !ok {
			return privacy.Denyf("unexpected filter %T", f)
		}
		switch {
		case v.IsPartnerStaff():
			af.WherePartnerID(entql.StringEQ(string(v.PartnerID)))
			return privacy.Skip
		case v.IsCustomer():
			af.WhereCustomerID(entql.StringEQ(string(v.CustomerID)))
			return privacy.Skip
		}
		return privacy.Denyf("no association visible")
	})
}
