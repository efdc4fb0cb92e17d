package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// FilterAuditLogs narrows reads of the audit log: a partner's admin (and its API keys) read
// its partner's whole log (not its resellers': a distributor's acts for a reseller are in the
// distributor's log); anyone else the records of its own actions.
func FilterAuditLogs() privacy.QueryMutationRule {
	return filterRule[*ent.AuditLogFilter]("audit record", func(s Scope) (entql.P, bool) {
		switch {
		case s.Admin:
			return eq(auditlog.FieldPartnerID, s.Partner), true
		case s.User != "":
			return eq(auditlog.FieldActorID, s.User), true
		}
		return nil, false
	})
}

// AllowAuditOfSelf lets a viewer append records of its own actions (a read-only key too: its
// refusals are recorded); nobody changes or deletes one, the platform neither.
func AllowAuditOfSelf() privacy.MutationRule {
	return privacy.AuditLogMutationRuleFunc(func(ctx context.Context, m *ent.AuditLogMutation) error {
		s := ScopeOf(viewer.FromContext(ctx))
		if actor, ok := m.ActorID(); ok && s.User != "" && m.Op().Is(ent.OpCreate) && actor == s.User {
			return privacy.Allow
		}
		return privacy.Skip
	})
}
