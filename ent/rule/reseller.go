package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/ent/resellerapplication"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// FilterResellerApplications narrows reads of cooperation applications (a reseller applying to
// a distributor) to those the viewer's partner sent or received; a customer sees none.
func FilterResellerApplications() privacy.QueryMutationRule {
	return filterRule[*ent.ResellerApplicationFilter]("reseller application", func(s Scope) (entql.P, bool) {
		if s.Partner == "" {
			return nil, false
		}
		return entql.Or(eq(resellerapplication.FieldResellerID, s.Partner), eq(resellerapplication.FieldDistributorID, s.Partner)), true
	})
}

// AllowResellerApplicationWrites lets a reseller's admin apply (create an application of its
// own partner) and a distributor's admin decide (update those it received). Read-only keys
// neither apply nor decide.
func AllowResellerApplicationWrites() privacy.MutationRule {
	return privacy.ResellerApplicationMutationRuleFunc(func(ctx context.Context, m *ent.ResellerApplicationMutation) error {
		s := ScopeOf(viewer.FromContext(ctx))
		if !s.Admin || !s.Writes {
			return privacy.Skip
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			if r, ok := m.ResellerID(); ok && r == s.Partner {
				return privacy.Allow
			}
		case m.Op().Is(ent.OpUpdate | ent.OpUpdateOne):
			m.Where(resellerapplication.DistributorID(s.Partner))
			return privacy.Allow
		}
		return privacy.Skip
	})
}
