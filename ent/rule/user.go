package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// FilterUsers narrows reads of users: a partner's staff see the staff of Scope.Partners (an
// admin of a distributor also its resellers'); anyone else only itself.
func FilterUsers() privacy.QueryMutationRule {
	return filterRule[*ent.UserFilter]("user", func(s Scope) (entql.P, bool) {
		switch {
		case len(s.Partners) > 0:
			return in(user.FieldPartnerID, s.Partners), true
		case s.User != "":
			return eq(user.FieldID, s.User), true
		}
		return nil, false
	})
}

// AllowSelfUpdate lets a logged-in user (not an API key) change its own row (password,
// authenticator); a bulk update is narrowed to that row.
func AllowSelfUpdate() privacy.MutationRule {
	return privacy.UserMutationRuleFunc(func(ctx context.Context, m *ent.UserMutation) error {
		s := ScopeOf(viewer.FromContext(ctx))
		if s.User == "" || !s.LoggedIn {
			return privacy.Skip
		}
		switch {
		case m.Op().Is(ent.OpUpdateOne):
			if id, ok := m.ID(); ok && id == s.User {
				return privacy.Allow
			}
		case m.Op().Is(ent.OpUpdate):
			m.Where(user.ID(s.User))
			return privacy.Allow
		}
		return privacy.Skip
	})
}
