package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// FilterPartners narrows reads of partners: a partner's staff see Scope.Organisations (its own,
// its resellers, its distributor); a customer's user its current partner.
func FilterPartners() privacy.QueryMutationRule {
	return filterRule[*ent.PartnerFilter]("partner", func(s Scope) (entql.P, bool) {
		switch {
		case len(s.Organisations) > 0:
			return in(partner.FieldID, s.Organisations), true
		case s.Customer != "":
			return entql.HasEdgeWith(partner.EdgeCustomers, eq(customer.FieldID, s.Customer)), true
		}
		return nil, false
	})
}

// AllowAdminUpdateOwnPartner lets a partner's admin, logged in, change its partner's settings
// (never another partner's, not even a reseller's, and never through an API key).
func AllowAdminUpdateOwnPartner() privacy.MutationRule {
	return privacy.PartnerMutationRuleFunc(func(ctx context.Context, m *ent.PartnerMutation) error {
		s := ScopeOf(viewer.FromContext(ctx))
		if id, ok := m.ID(); ok && s.Admin && s.LoggedIn && m.Op().Is(ent.OpUpdateOne) && id == s.Partner {
			return privacy.Allow
		}
		return privacy.Skip
	})
}
