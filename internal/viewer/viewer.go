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

// Viewer is the authenticated user of a request.
type Viewer struct {
	UserID     gid.ID
	Role       Role
	PartnerID  gid.ID // set for partner staff
	CustomerID gid.ID // set for a customer's user
	SessionID  gid.ID // the session the request came with, if any
}

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
