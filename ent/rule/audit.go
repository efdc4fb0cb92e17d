package rule

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// FilterAuditLogs narrows reads of the audit log: a partner's admin (and its API keys) read
// its partner's whole log (not its resellers': a distributor's acts for a reseller are in the
// distributor's log); anyone else the records of its own actions.
func FilterAuditLogs() privacy.QueryMutationRule {
	return filterRule("audit record", func(s Scope, f *ent.AuditLogFilter) bool {
		switch {
		case s.Admin:
			f.Where(eq(auditlog.FieldPartnerID, s.Partner))
		case s.User != "":
			f.Where(eq(auditlog.FieldActorID, s.User))
		default:
			return false
		}
		return true
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
