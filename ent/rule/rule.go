// Package rule holds the ent privacy rules that every path (GraphQL, exports, jobs) goes through:
// who sees which rows is decided here, not in resolvers. Query rules add the tenant condition to
// the SQL, so another tenant's row is simply not found; mutations are denied unless a rule allows.
package rule

import (
	"context"

	"entgo.io/ent/entql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/ent/resellerapplication"
	"github.com/partnercenter/partnercenter/ent/user"
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

// AllowIfPlatform lets the platform operator see and change everything.
func AllowIfPlatform() privacy.QueryMutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if viewer.FromContext(ctx).IsPlatform() {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// managerScope is the set of managers whose customers a supervisor or manager sees, or nil for
// roles that see their whole partner.
func managerScope(v *viewer.Viewer) []gid.ID {
	switch v.Role {
	case viewer.RoleCustomerManager:
		return []gid.ID{v.UserID}
	case viewer.RoleSupervisor:
		return append([]gid.ID{v.UserID}, v.ManagerIDs...)
	}
	return nil
}

// FilterPartners: staff see their partner, a distributor its resellers, a reseller its
// distributor (but none of the distributor's other resellers); a customer sees its partner.
func FilterPartners() privacy.QueryRule {
	return privacy.PartnerQueryRuleFunc(func(ctx context.Context, q *ent.PartnerQuery) error {
		v := viewer.FromContext(ctx)
		switch {
		case v.IsPartnerStaff():
			ids := v.PartnerIDs()
			if v.DistributorID != "" {
				ids = append(ids, v.DistributorID)
			}
			q.Where(partner.IDIn(ids...))
			return privacy.Skip
		case v.IsCustomer():
			q.Where(partner.HasCustomersWith(customer.ID(v.CustomerID)))
			return privacy.Skip
		}
		return privacy.Denyf("no partner visible")
	})
}

// FilterUsers: an admin sees the users of its partner (and a distributor its resellers');
// other staff see their partner's users; anyone else only themselves.
func FilterUsers() privacy.QueryRule {
	return privacy.UserQueryRuleFunc(func(ctx context.Context, q *ent.UserQuery) error {
		v := viewer.FromContext(ctx)
		switch {
		case v.IsPartnerAdmin():
			q.Where(user.PartnerIDIn(v.PartnerIDs()...))
		case v.IsPartnerStaff():
			q.Where(user.PartnerID(v.PartnerID))
		case v != nil:
			q.Where(user.ID(v.UserID))
		default:
			return privacy.Denyf("no user visible")
		}
		return privacy.Skip
	})
}

// FilterCustomers: an admin sees its partner's customers (a distributor also its resellers'); a
// supervisor those of its managers; a manager those assigned to it; a customer's user itself.
func FilterCustomers() privacy.QueryRule {
	return privacy.CustomerQueryRuleFunc(func(ctx context.Context, q *ent.CustomerQuery) error {
		v := viewer.FromContext(ctx)
		switch {
		case v.IsPartnerAdmin():
			q.Where(customer.PartnerIDIn(v.PartnerIDs()...))
		case v.IsPartnerStaff():
			q.Where(customer.PartnerID(v.PartnerID), customer.ManagerIDIn(managerScope(v)...))
		case v.IsCustomer():
			q.Where(customer.ID(v.CustomerID))
		default:
			return privacy.Denyf("no customer visible")
		}
		return privacy.Skip
	})
}

// FilterAssociations follows FilterCustomers: the associations of the customers one may see,
// with one's own partner (or a distributor's resellers).
func FilterAssociations() privacy.QueryRule {
	return privacy.AssociationQueryRuleFunc(func(ctx context.Context, q *ent.AssociationQuery) error {
		v := viewer.FromContext(ctx)
		switch {
		case v.IsPartnerAdmin():
			q.Where(association.PartnerIDIn(v.PartnerIDs()...))
		case v.IsPartnerStaff():
			q.Where(association.PartnerID(v.PartnerID),
				association.HasCustomerWith(customer.ManagerIDIn(managerScope(v)...)))
		case v.IsCustomer():
			q.Where(association.CustomerID(v.CustomerID))
		default:
			return privacy.Denyf("no association visible")
		}
		return privacy.Skip
	})
}

// FilterAuditLogs: a partner admin sees its partner's log; anyone else its own actions.
func FilterAuditLogs() privacy.QueryRule {
	return privacy.AuditLogQueryRuleFunc(func(ctx context.Context, q *ent.AuditLogQuery) error {
		v := viewer.FromContext(ctx)
		switch {
		case v.IsPartnerAdmin():
			q.Where(auditlog.PartnerID(v.PartnerID))
		case v != nil:
			q.Where(auditlog.ActorID(v.UserID))
		default:
			return privacy.Denyf("no audit record visible")
		}
		return privacy.Skip
	})
}

// AllowAuditOfSelf lets a viewer append audit records of its own actions (never change them).
func AllowAuditOfSelf() privacy.MutationRule {
	return privacy.AuditLogMutationRuleFunc(func(ctx context.Context, m *ent.AuditLogMutation) error {
		v := viewer.FromContext(ctx)
		if actor, ok := m.ActorID(); ok && v != nil && m.Op().Is(ent.OpCreate) && actor == v.UserID {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// FilterAPIKeys: only a partner's admin sees (and changes) its partner's keys.
func FilterAPIKeys() privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		kf, ok := f.(*ent.APIKeyFilter)
		if !ok || !v.IsPartnerAdmin() || v.APIKeyID != "" {
			return privacy.Denyf("API keys are managed by the partner's admin")
		}
		kf.WherePartnerID(entql.StringEQ(string(v.PartnerID)))
		return privacy.Skip
	})
}

// AllowAdminCreateAPIKey lets a partner admin (logged in, not itself a key) create its own keys.
func AllowAdminCreateAPIKey() privacy.MutationRule {
	return privacy.APIKeyMutationRuleFunc(func(ctx context.Context, m *ent.APIKeyMutation) error {
		v := viewer.FromContext(ctx)
		if p, ok := m.PartnerID(); ok && m.Op().Is(ent.OpCreate) && v.IsPartnerAdmin() && v.APIKeyID == "" && p == v.PartnerID {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowAdminRevokeAPIKey lets the admin update (revoke) keys; FilterAPIKeys limits which.
func AllowAdminRevokeAPIKey() privacy.MutationRule {
	return privacy.APIKeyMutationRuleFunc(func(ctx context.Context, m *ent.APIKeyMutation) error {
		v := viewer.FromContext(ctx)
		if m.Op().Is(ent.OpUpdateOne|ent.OpUpdate) && v.IsPartnerAdmin() && v.APIKeyID == "" {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowSelfUpdate lets a logged-in user change its own row (password, authenticator); a bulk
// update is narrowed to that row.
func AllowSelfUpdate() privacy.MutationRule {
	return privacy.UserMutationRuleFunc(func(ctx context.Context, m *ent.UserMutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.APIKeyID != "" {
			return privacy.Skip
		}
		switch {
		case m.Op().Is(ent.OpUpdateOne):
			if id, ok := m.ID(); ok && id == v.UserID {
				return privacy.Allow
			}
		case m.Op().Is(ent.OpUpdate):
			m.Where(user.ID(v.UserID))
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// AllowAdminUpdateOwnPartner lets a partner admin change its partner's settings.
func AllowAdminUpdateOwnPartner() privacy.MutationRule {
	return privacy.PartnerMutationRuleFunc(func(ctx context.Context, m *ent.PartnerMutation) error {
		v := viewer.FromContext(ctx)
		if id, ok := m.ID(); ok && v.IsPartnerAdmin() && v.APIKeyID == "" && m.Op().Is(ent.OpUpdateOne) && id == v.PartnerID {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// scopePredicate is the rows of a customer-linked entity the viewer may see and change: an admin
// its partner's (and a distributor its resellers'), other staff their (managers') customers',
// a customer's user its own. onCustomer is true for the Customer entity itself.
func scopePredicate(v *viewer.Viewer, onCustomer bool) (entql.P, bool) {
	customerIDField := "customer_id"
	if onCustomer {
		customerIDField = "id"
	}
	switch {
	case v.IsPartnerAdmin():
		return entql.FieldIn("partner_id", anys(v.PartnerIDs())...), true
	case v.IsPartnerStaff():
		managers := entql.FieldIn("manager_id", anys(managerScope(v))...)
		if !onCustomer {
			managers = entql.HasEdgeWith("customer", managers)
		}
		return entql.And(entql.FieldEQ("partner_id", string(v.PartnerID)), managers), true
	case v.IsCustomer():
		return entql.FieldEQ(customerIDField, string(v.CustomerID)), true
	}
	return nil, false
}

func anys(ids []gid.ID) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// FilterScoped limits queries and updates of a customer-linked entity to the viewer's scope.
func FilterScoped(onCustomer bool) privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		p, ok := scopePredicate(viewer.FromContext(ctx), onCustomer)
		if !ok {
			return privacy.Denyf("nothing visible to this viewer")
		}
		f.Where(p)
		return privacy.Skip
	})
}

// AllowScopedWrite allows creating rows inside the viewer's scope (checked on the partner_id and
// customer_id being written) and updates, which FilterScoped has already narrowed. Read-only
// API keys never write; nothing is ever deleted.
func AllowScopedWrite() privacy.MutationRule {
	return privacy.MutationRuleFunc(func(ctx context.Context, m ent.Mutation) error {
		v := viewer.FromContext(ctx)
		if v == nil || v.ReadOnly {
			return privacy.Skip
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			p, _ := m.Field("partner_id")
			c, _ := m.Field("customer_id")
			pid, _ := p.(gid.ID)
			cid, _ := c.(gid.ID)
			switch {
			case v.IsPartnerAdmin() && pid != "" && v.MayActFor(pid):
				return privacy.Allow
			case v.IsPartnerStaff() && pid != "" && pid == v.PartnerID:
				return privacy.Allow
			case v.IsCustomer() && cid != "" && cid == v.CustomerID:
				return privacy.Allow
			}
		case m.Op().Is(ent.OpUpdate | ent.OpUpdateOne):
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// FilterResellerApplications: a reseller sees the applications it sent, a distributor those it
// received; only the distributor's admin decides them.
func FilterResellerApplications() privacy.QueryMutationRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		if !v.IsPartnerStaff() {
			return privacy.Denyf("applications are between partners")
		}
		own := string(v.PartnerID)
		f.Where(entql.Or(entql.FieldEQ("reseller_id", own), entql.FieldEQ("distributor_id", own)))
		return privacy.Skip
	})
}

// AllowResellerApplicationWrites lets a reseller's admin apply and a distributor's admin decide.
func AllowResellerApplicationWrites() privacy.MutationRule {
	return privacy.ResellerApplicationMutationRuleFunc(func(ctx context.Context, m *ent.ResellerApplicationMutation) error {
		v := viewer.FromContext(ctx)
		if !v.IsPartnerAdmin() || v.ReadOnly {
			return privacy.Skip
		}
		switch {
		case m.Op().Is(ent.OpCreate):
			if r, ok := m.ResellerID(); ok && r == v.PartnerID {
				return privacy.Allow
			}
		case m.Op().Is(ent.OpUpdate | ent.OpUpdateOne):
			m.Where(resellerapplication.DistributorID(v.PartnerID))
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// accountScope is the accounts the viewer may read: an admin its partner's cash (and a
// distributor its resellers') and the accounts of the customers it sees; other staff those of
// their customers; a customer's user its own.
func accountScope(v *viewer.Viewer) (entql.P, bool) {
	cust, ok := scopePredicate(v, true)
	if !ok {
		return nil, false
	}
	if v.IsPartnerAdmin() {
		return entql.Or(entql.FieldIn("partner_id", anys(v.PartnerIDs())...), entql.HasEdgeWith("customer", cust)), true
	}
	return entql.HasEdgeWith("customer", cust), true
}

// FilterAccounts limits reads of accounts to the viewer's scope. Writes go through the ledger.
func FilterAccounts() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		p, ok := accountScope(viewer.FromContext(ctx))
		if !ok {
			return privacy.Denyf("no account visible")
		}
		f.Where(p)
		return privacy.Skip
	})
}

// FilterLedgerEntries limits entries to the accounts the viewer may read.
func FilterLedgerEntries() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		p, ok := accountScope(viewer.FromContext(ctx))
		if !ok {
			return privacy.Denyf("no entry visible")
		}
		f.Where(entql.HasEdgeWith("account", p))
		return privacy.Skip
	})
}

// FilterJournals: an admin sees its partner's journals (and those where it is the counterparty,
// e.g. a reseller receiving from its distributor); other staff those of their customers; a
// customer's user its own.
func FilterJournals() privacy.QueryRule {
	return privacy.FilterFunc(func(ctx context.Context, f privacy.Filter) error {
		v := viewer.FromContext(ctx)
		switch {
		case v.IsPartnerAdmin():
			ids := anys(v.PartnerIDs())
			f.Where(entql.Or(entql.FieldIn("partner_id", ids...), entql.FieldIn("counterparty_partner_id", ids...)))
		case v.IsPartnerStaff():
			cust, _ := scopePredicate(v, true)
			f.Where(entql.HasEdgeWith("customer", cust))
		case v.IsCustomer():
			f.Where(entql.FieldEQ("customer_id", string(v.CustomerID)))
		default:
			return privacy.Denyf("no journal visible")
		}
		return privacy.Skip
	})
}
