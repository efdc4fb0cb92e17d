package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/apikey"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// managesKeys reports a partner's admin who logged in: the only one who sees and changes its
// partner's API keys (a key never manages keys).
func (s Scope) managesKeys() bool { return s.Admin && s.LoggedIn }

// FilterAPIKeys narrows reads and updates of API keys to the partner's, for its logged-in
// admin; anyone else (the platform aside, which reads them) is denied.
func FilterAPIKeys() privacy.QueryMutationRule {
	return filterRule[*ent.APIKeyFilter]("API key", func(s Scope) (entql.P, bool) {
		if !s.managesKeys() {
			return nil, false
		}
		return eq(apikey.FieldPartnerID, s.Partner), true
	})
}

// AllowAdminCreateAPIKey lets a partner's logged-in admin create keys of its own partner.
func AllowAdminCreateAPIKey() privacy.MutationRule {
	return privacy.APIKeyMutationRuleFunc(func(ctx context.Context, m *ent.APIKeyMutation) error {
		s := ScopeOf(viewer.FromContext(ctx))
		if p, ok := m.PartnerID(); ok && m.Op().Is(ent.OpCreate) && s.managesKeys() && p == s.Partner {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowAdminRevokeAPIKey lets the logged-in admin update (revoke) keys; FilterAPIKeys before
// it has narrowed which.
func AllowAdminRevokeAPIKey() privacy.MutationRule {
	return privacy.APIKeyMutationRuleFunc(func(ctx context.Context, m *ent.APIKeyMutation) error {
		if m.Op().Is(ent.OpUpdateOne|ent.OpUpdate) && ScopeOf(viewer.FromContext(ctx)).managesKeys() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}
