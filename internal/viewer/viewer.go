// Package viewer carries who is asking through a request: built once from a verified credential
// (session cookie, bearer token) by the server, read by ent privacy rules and resolvers.
package viewer

import (
	"context"

	"entgo.io/ent/privacy"

	"github.com/partnercenter/partnercenter/internal/gid"
)

// Role is what a user may do (the same values as the ent enum user.Role).
type Role string

// Roles.
const (
	RolePlatform        Role = "PLATFORM_OPERATOR"
	RolePartnerAdmin    Role = "PARTNER_ADMIN"
	RoleSupervisor      Role = "SUPERVISOR"
	RoleCustomerManager Role = "CUSTOMER_MANAGER"
	RoleCustomer        Role = "CUSTOMER"
)

// Viewer is the authenticated user of a request, with the scope the privacy rules need, loaded
// once when the credential is verified.
type Viewer struct {
	UserID      gid.ID
	DisplayName string
	Role        Role
	PartnerID   gid.ID // set for partner staff
	PartnerKind string // the kind of PartnerID (partner.Kind values)
	CustomerID  gid.ID // set for a customer's user
	// SessionTokenHash identifies the session the request came with, if any (logout revokes it).
	SessionTokenHash string

	// ResellerIDs are a distributor's cloud resellers, whose customers it may see and act on.
	ResellerIDs []gid.ID
	// DistributorID is a cloud reseller's distributor.
	DistributorID gid.ID
	// ManagerIDs are, for a supervisor, the customer managers under them (and the supervisor).
	ManagerIDs []gid.ID

	// RequireStepUp is the partner's setting, read with the scope on every request.
	RequireStepUp bool

	// APIKeyID is set when the request came with an API key instead of a login.
	APIKeyID gid.ID
	// ReadOnly refuses every mutation (an API key with the READ scope).
	ReadOnly bool
}

// PartnerIDs are the partners whose objects the viewer's partner may see: its own and, for a
// distributor, its resellers'.
func (v *Viewer) PartnerIDs() []gid.ID {
	if v == nil || v.PartnerID == "" {
		return nil
	}
	return append([]gid.ID{v.PartnerID}, v.ResellerIDs...)
}

// MayActFor reports whether the viewer's partner may act on objects of partner p: its own, or a
// distributor's reseller's (recorded as acting for the reseller).
func (v *Viewer) MayActFor(p gid.ID) bool {
	for _, id := range v.PartnerIDs() {
		if id == p {
			return true
		}
	}
	return false
}

// IsPartnerAdmin reports a partner's admin (主账号).
func (v *Viewer) IsPartnerAdmin() bool { return v.IsPartnerStaff() && v.Role == RolePartnerAdmin }

// IsPlatform reports a platform operator.
func (v *Viewer) IsPlatform() bool { return v != nil && v.Role == RolePlatform }

// IsPartnerStaff reports a user of a partner organisation.
func (v *Viewer) IsPartnerStaff() bool {
	return v != nil && v.PartnerID != "" &&
		(v.Role == RolePartnerAdmin || v.Role == RoleSupervisor || v.Role == RoleCustomerManager)
}

// IsCustomer reports a customer's own user.
func (v *Viewer) IsCustomer() bool { return v != nil && v.Role == RoleCustomer && v.CustomerID != "" }

type ctxKey struct{}

// NewContext returns ctx carrying v.
func NewContext(ctx context.Context, v *Viewer) context.Context {
	return context.WithValue(ctx, ctxKey{}, v)
}

// FromContext returns the viewer of ctx, or nil.
func FromContext(ctx context.Context) *Viewer {
	v, _ := ctx.Value(ctxKey{}).(*Viewer)
	return v
}

// SystemContext is the one way to bypass ent privacy: for start-up work (migrations, demo data),
// authentication itself (finding a user by email, a session by token) and jobs. Every use is
// greppable by this name; a request handler must never pass its result to a resolver.
func SystemContext(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}
