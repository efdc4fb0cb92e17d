package rule

import (
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Scope is what one viewer may see and change, worked out once from its role by ScopeOf. Every
// entity's rule (partner.go, user.go, customer.go, ...) derives its condition from these fields
// and nothing else, so what a role sees is written in one place. The zero Scope sees nothing.
type Scope struct {
	// All is the platform operator: every row a policy lets it read.
	All bool
	// User is the viewer's own user row: every viewer reads it, records its own actions in the
	// audit log and reads them back.
	User gid.ID
	// Partner is the viewer's own partner (its staff and API keys): the reseller applications it
	// sent or received; for its admin, the partner's settings, API keys and whole audit log.
	Partner gid.ID
	// Partners are the partners whose customers, the records kept of them (associations,
	// association events, manager assignments, accounts, journals, entries) and whose staff the
	// viewer sees, and on whose customers it acts: its own and, for a distributor's admin, its
	// resellers' (the distributor acts for the reseller; the rows keep the reseller's ID).
	Partners []gid.ID
	// Managers narrows the customers of Partners to those assigned to these managers (a
	// supervisor's managers and itself, a manager itself); nil leaves all of them.
	Managers []gid.ID
	// Customer is the one customer a customer's user sees, with the records kept of it and its
	// current partner.
	Customer gid.ID
	// Organisations are the partner rows the viewer's staff see: its own partner, its resellers
	// and its distributor (never the distributor's other resellers).
	Organisations []gid.ID
	// Admin is a partner's admin or one of its API keys: besides its customers, it sees what
	// belongs to Partners themselves (their cash accounts, their journals also as the
	// counterparty), its partner's whole audit log, and it applies to a distributor or decides
	// resellers' applications.
	Admin bool
	// Writes is false for a read-only API key, which changes nothing.
	Writes bool
	// LoggedIn is a person who logged in, not an API key: it may change its own user row, and a
	// partner's admin its partner's settings and API keys. A key never manages keys.
	LoggedIn bool
}

// ScopeOf is the one description of what each role sees. The entity rules narrow every query
// (and update) to it; the table tests beside each rules file hold every role and entity to it.
func ScopeOf(v *viewer.Viewer) Scope {
	if v == nil {
		return Scope{}
	}
	s := Scope{User: v.UserID, Writes: !v.ReadOnly, LoggedIn: v.APIKeyID == ""}
	switch {
	case v.IsPlatform():
		// The platform operator: every partner, user, customer and record.
		s.All = true

	case v.IsPartnerAdmin():
		// A partner's admin (主账号): all of its partner's customers, staff and books.
		// - A distributor's admin (总经销商) also sees and acts on its resellers' customers,
		//   staff and books, recorded as acting for the reseller.
		// - A cloud reseller's admin (云经销商) sees its distributor's partner row, never the
		//   distributor's customers or its other resellers.
		// - An API key sees what its partner's admin sees (LoggedIn false: it manages no keys or
		//   settings, nor changes its creator's user row); a READ key changes nothing.
		s.Partner, s.Partners, s.Organisations, s.Admin = v.PartnerID, v.PartnerIDs(), organisations(v), true

	case v.IsPartnerStaff() && v.Role == viewer.RoleSupervisor:
		// A supervisor (主管): the customers assigned to the managers under it or to itself,
		// and its partner's staff; none of the partner's own books or log.
		s.Partner, s.Partners, s.Organisations = v.PartnerID, []gid.ID{v.PartnerID}, organisations(v)
		s.Managers = append([]gid.ID{v.UserID}, v.ManagerIDs...)

	case v.IsPartnerStaff() && v.Role == viewer.RoleCustomerManager:
		// A customer manager (客户经理): only the customers assigned to it, and its partner's staff.
		s.Partner, s.Partners, s.Organisations = v.PartnerID, []gid.ID{v.PartnerID}, organisations(v)
		s.Managers = []gid.ID{v.UserID}

	case v.IsCustomer():
		// A customer's user (客户): its own customer, the records kept of it (also those of its
		// earlier partners) and its current partner's row.
		s.Customer = v.CustomerID
	}
	// Anyone else (a role without its partner or customer) sees only its own user row.
	return s
}

// organisations are the partner rows a partner's staff see: its own, its resellers (for a
// distributor) and its distributor (for a cloud reseller).
func organisations(v *viewer.Viewer) []gid.ID {
	ids := v.PartnerIDs()
	if v.DistributorID != "" {
		ids = append(ids, v.DistributorID)
	}
	return ids
}
