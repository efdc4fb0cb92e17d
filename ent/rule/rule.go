// Package rule holds the ent privacy rules that every path (GraphQL, exports, jobs, the ledger)
// goes through: who sees which rows is decided here, not in resolvers.
//
// What each role sees is written once, in ScopeOf (scope.go). Each entity's rules derive their
// condition from that Scope, one file per entity or group (partner.go, user.go, customer.go,
// reseller.go, audit.go, apikey.go, ledger.go, system.go), with a table test beside it that
// asserts every role against every entity. Query rules add the condition to the SQL through
// entql, so another tenant's row is simply not found; the same filter narrows updates, and
// mutations are denied unless a rule allows them. personal.go decides who may look customers
// up by their personal data, which resolvers ask instead of testing roles themselves.
package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/gid"
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

// AllowIfPlatform lets the platform operator (Scope.All) see and change everything its
// entity's policy puts it before.
func AllowIfPlatform() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		// The same test as ScopeOf's, without building the rest of a scope on every query.
		if viewer.FromContext(ctx).IsPlatform() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// filterRule is the read-and-update rule of one entity: cond gives the entity's condition for
// the viewer's scope, which is added to the query or update through the entity's generated
// entql filter F (the rule refuses any other entity's, whose fields cond does not name), or
// false when the scope holds nothing of the entity, which denies. The platform is not
// narrowed; its policies decide with AllowIfPlatform whether it gets this far.
func filterRule[F privacy.Filter](entity string, cond func(Scope) (entql.P, bool)) privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		if _, ok := f.(F); !ok {
			return privacy.Denyf("the %s rule was given a filter of %T", entity, f)
		}
		s := ScopeOf(viewer.FromContext(ctx))
		if s.All {
			return privacy.Skip
		}
		p, ok := cond(s)
		if !ok {
			return privacy.Denyf("no %s visible to this viewer", entity)
		}
		f.Where(p)
		return privacy.Skip
	})
}

// in is field IN ids, the form every list of a scope takes.
func in(field string, ids []gid.ID) entql.P {
	vs := make([]any, len(ids))
	for i, id := range ids {
		vs[i] = string(id)
	}
	return entql.FieldIn(field, vs...)
}

// eq is field = id.
func eq(field string, id gid.ID) entql.P { return entql.FieldEQ(field, string(id)) }
