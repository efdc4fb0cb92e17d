// Package auth verifies credentials (passwords, session tokens, API keys) and turns them into a
// viewer. Sessions, keys and the failure counts that throttle logins live in the database, so
// any number of server instances agree.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	stdsql "database/sql"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"sync"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/session"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/reqinfo"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// TokenPrefix starts every session token, so that a leaked one is recognisable.
const TokenPrefix = "pcs_"

// Login throttling: failures per account (by email, known or not) and per client address within
// the window lock further attempts until the window has passed.
const (
	MaxAccountFailures = 5
	MaxAddressFailures = 30
	FailureWindow      = 15 * time.Minute
)

// Service logs users in and out and resolves credentials to viewers.
type Service struct {
	client *ent.Client
	ttl    time.Duration
	now    func() time.Time
}

// NewService returns a Service whose sessions last ttl.
func NewService(client *ent.Client, ttl time.Duration) *Service {
	return &Service{client: client, ttl: ttl, now: time.Now}
}

// ErrInvalidCredentials is the one answer for an unknown email and a wrong password alike.
var ErrInvalidCredentials = apperr.New(apperr.Unauthenticated, "wrong email or password")

// errThrottled is the answer once too many logins failed, whether or not the account exists.
var errThrottled = apperr.New(apperr.RateLimited, "too many failed logins; try again in 15 minutes")

// dummyHash is verified against when the email is unknown, so both failures take the same time.
var dummyHash = sync.OnceValue(func() string { h, _ := HashPassword("not-a-password"); return h })

// Session is a freshly issued login.
type Session struct {
	Token     string
	ExpiresAt time.Time
	User      *ent.User
}

func emailHash(email string) string {
	sum := sha256.Sum256([]byte("login:" + email))
	return hex.EncodeToString(sum[:])
}

// Login checks email and password and opens a session. It runs outside any transaction so that
// failures are recorded (and throttle later attempts) even though the login is refused.
func (s *Service) Login(ctx context.Context, email, password string) (*Session, error) {
	sys := viewer.SystemContext(ctx) // authentication itself: there is no viewer yet
	c := s.client
	email = strings.ToLower(strings.TrimSpace(email))
	subject := emailHash(email)
	addr := reqinfo.FromContext(ctx).RemoteAddr
	since := s.now().Add(-FailureWindow)
	failed := c.AuditLog.Query().Where(auditlog.ActionEQ(auditlog.ActionLOGIN_FAILED), auditlog.CreatedAtGT(since))
	if n, err := failed.Clone().Where(auditlog.SubjectHash(subject)).Count(sys); err != nil {
		return nil, err
	} else if n >= MaxAccountFailures {
		return nil, errThrottled
	}
	if addr != "" {
		if n, err := failed.Clone().Where(auditlog.RemoteAddr(addr)).Count(sys); err != nil {
			return nil, err
		} else if n >= MaxAddressFailures {
			return nil, errThrottled
		}
	}
	fail := func(u *ent.User, detail string) error {
		e := audit.Entry{Action: auditlog.ActionLOGIN_FAILED, Denied: true, SubjectHash: subject, Detail: detail}
		if u != nil {
			e.ActorID, e.ActorName = u.ID, u.DisplayName
			if u.PartnerID != nil {
				e.PartnerID = *u.PartnerID
			}
		}
		if err := audit.Record(sys, c, e); err != nil {
			return err
		}
		return ErrInvalidCredentials
	}
	if email == "" || password == "" || len(password) > 256 {
		return nil, fail(nil, "empty or overlong input")
	}
	u, err := c.User.Query().Where(user.Email(email)).Only(sys)
	if ent.IsNotFound(err) {
		_, _ = VerifyPassword(dummyHash(), password)
		return nil, fail(nil, "unknown account")
	}
	if err != nil {
		return nil, err
	}
	if ok, err := VerifyPassword(u.PasswordHash, password); err != nil || !ok {
		return nil, fail(u, "wrong password")
	}
	token, hash, err := newToken(TokenPrefix)
	if err != nil {
		return nil, err
	}
	exp := s.now().Add(s.ttl)
	if len(addr) > 64 {
		addr = addr[:64]
	}
	if _, err := c.Session.Create().SetTokenHash(hash).SetUserID(u.ID).
		SetExpiresAt(exp).SetRemoteAddr(addr).Save(sys); err != nil {
		return nil, err
	}
	v := viewerOfUser(u, "")
	if err := audit.Record(viewer.NewContext(sys, v), c, audit.Entry{Action: auditlog.ActionLOGIN}); err != nil {
		return nil, err
	}
	return &Session{Token: token, ExpiresAt: exp, User: u}, nil
}

// Authenticate returns the viewer of a session token or API key, or nil if it is not live.
func (s *Service) Authenticate(ctx context.Context, token string) (*viewer.Viewer, error) {
	switch {
	case strings.HasPrefix(token, APIKeyPrefix):
		return s.authenticateKey(ctx, token)
	case strings.HasPrefix(token, TokenPrefix) && len(token) <= 128:
	default:
		return nil, nil
	}
	hash := hashToken(token)
	// A short read that is not worth cancelling (the driver would start a watcher goroutine for it).
	sys := viewer.SystemContext(context.WithoutCancel(ctx))
	// One statement: the user of a live session, with its partner's kind, distributor and
	// step-up setting. A password change revokes every session of the user, so a live session
	// is enough. Distributors (their resellers) and supervisors (their managers) need one more.
	var rows []struct {
		ID            string            `sql:"id"`
		DisplayName   string            `sql:"display_name"`
		Role          string            `sql:"role"`
		PartnerID     stdsql.NullString `sql:"partner_id"`
		CustomerID    stdsql.NullString `sql:"customer_id"`
		PartnerKind   stdsql.NullString `sql:"p_kind"`
		DistributorID stdsql.NullString `sql:"p_distributor_id"`
		RequireStepUp stdsql.NullBool   `sql:"p_require_step_up"`
	}
	err := s.client.User.Query().
		Where(user.HasSessionsWith(session.TokenHash(hash), session.RevokedAtIsNil(), session.ExpiresAtGT(s.now()))).
		Limit(1).
		Modify(func(sel *entsql.Selector) {
			p := entsql.Table(partner.Table).As("p")
			sel.LeftJoin(p).On(sel.C(user.FieldPartnerID), p.C(partner.FieldID))
			sel.Select(sel.C(user.FieldID), sel.C(user.FieldDisplayName), sel.C(user.FieldRole),
				sel.C(user.FieldPartnerID), sel.C(user.FieldCustomerID),
				entsql.As(p.C(partner.FieldKind), "p_kind"),
				entsql.As(p.C(partner.FieldDistributorID), "p_distributor_id"),
				entsql.As(p.C(partner.FieldRequireStepUp), "p_require_step_up"))
		}).Scan(sys, &rows)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	r := rows[0]
	v := &viewer.Viewer{UserID: gid.ID(r.ID), DisplayName: r.DisplayName, Role: viewer.Role(r.Role),
		PartnerID: gid.ID(r.PartnerID.String), CustomerID: gid.ID(r.CustomerID.String), SessionTokenHash: hash,
		PartnerKind: r.PartnerKind.String, DistributorID: gid.ID(r.DistributorID.String), RequireStepUp: r.RequireStepUp.Bool}
	if err := s.loadRelations(sys, v); err != nil {
		return nil, err
	}
	return v, nil
}

// ViewerFor builds the full viewer of a user (with its scope), e.g. right after login.
func (s *Service) ViewerFor(ctx context.Context, u *ent.User) (*viewer.Viewer, error) {
	v := viewerOfUser(u, "")
	return v, s.loadScope(viewer.SystemContext(ctx), v)
}

func viewerOfUser(u *ent.User, sessionTokenHash string) *viewer.Viewer {
	v := &viewer.Viewer{UserID: u.ID, DisplayName: u.DisplayName, Role: viewer.Role(u.Role)}
	if u.PartnerID != nil {
		v.PartnerID = *u.PartnerID
	}
	if u.CustomerID != nil {
		v.CustomerID = *u.CustomerID
	}
	v.SessionTokenHash = sessionTokenHash
	return v
}

// loadScope fills what the privacy rules need: the partner's kind, a distributor's resellers, a
// reseller's distributor (one statement), and a supervisor's managers (one more).
func (s *Service) loadScope(sys context.Context, v *viewer.Viewer) error {
	if v.PartnerID == "" {
		return nil
	}
	ps, err := s.client.Partner.Query().
		Where(partner.Or(partner.ID(v.PartnerID), partner.DistributorID(v.PartnerID))).
		Select(partner.FieldID, partner.FieldKind, partner.FieldDistributorID, partner.FieldRequireStepUp).All(sys)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if p.ID == v.PartnerID {
			v.PartnerKind = string(p.Kind)
			v.RequireStepUp = p.RequireStepUp
			if p.DistributorID != nil {
				v.DistributorID = *p.DistributorID
			}
		} else if p.Kind == partner.KindCLOUD_RESELLER {
			v.ResellerIDs = append(v.ResellerIDs, p.ID)
		}
	}
	return s.loadManagers(sys, v)
}

// loadRelations fills what the partner row alone does not give: a distributor's resellers and a
// supervisor's managers.
func (s *Service) loadRelations(sys context.Context, v *viewer.Viewer) error {
	if v.PartnerKind == string(partner.KindDISTRIBUTOR) {
		ids, err := s.client.Partner.Query().Where(partner.DistributorID(v.PartnerID), partner.KindEQ(partner.KindCLOUD_RESELLER)).IDs(sys)
		if err != nil {
			return err
		}
		v.ResellerIDs = ids
	}
	return s.loadManagers(sys, v)
}

// loadManagers gives a supervisor the customer managers under them.
func (s *Service) loadManagers(sys context.Context, v *viewer.Viewer) error {
	if v.Role != viewer.RoleSupervisor {
		return nil
	}
	ids, err := s.client.User.Query().Where(user.SupervisorID(v.UserID)).IDs(sys)
	if err != nil {
		return err
	}
	v.ManagerIDs = ids
	return nil
}

// Logout revokes the viewer's current session.
func (s *Service) Logout(ctx context.Context) error {
	v := viewer.FromContext(ctx)
	if v == nil || v.SessionTokenHash == "" {
		return nil
	}
	c := s.db(ctx)
	if _, err := c.Session.Update().Where(session.TokenHash(v.SessionTokenHash)).SetRevokedAt(s.now()).Save(viewer.SystemContext(ctx)); err != nil {
		return err
	}
	return audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionLOGOUT})
}

// ChangePassword sets a new password for the viewer and ends all of its sessions.
func (s *Service) ChangePassword(ctx context.Context, current, next string) error {
	v := viewer.FromContext(ctx)
	if v == nil || v.APIKeyID != "" {
		return apperr.New(apperr.Forbidden, "log in with a password to change it")
	}
	if err := CheckPasswordStrength(next); err != nil {
		return err
	}
	c := s.db(ctx)
	u, err := c.User.Get(ctx, v.UserID)
	if err != nil {
		return err
	}
	if ok, _ := VerifyPassword(u.PasswordHash, current); !ok {
		return apperr.BadInput("currentPassword", "the current password is wrong")
	}
	h, err := HashPassword(next)
	if err != nil {
		return err
	}
	now := s.now()
	if err := c.User.UpdateOneID(v.UserID).SetPasswordHash(h).SetPasswordChangedAt(now).Exec(ctx); err != nil {
		return err
	}
	if _, err := c.Session.Update().Where(session.UserID(v.UserID), session.RevokedAtIsNil()).
		SetRevokedAt(now).Save(viewer.SystemContext(ctx)); err != nil {
		return err
	}
	return audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionPASSWORD_CHANGED})
}

// CheckPasswordStrength refuses passwords that are too short or too simple.
func CheckPasswordStrength(pw string) error {
	if len([]rune(pw)) < 10 || len(pw) > 256 {
		return apperr.BadInput("newPassword", "a password needs 10 to 256 characters")
	}
	var lower, upper, digit, other bool
	for _, r := range pw {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		default:
			other = true
		}
	}
	kinds := 0
	for _, b := range []bool{lower, upper, digit, other} {
		if b {
			kinds++
		}
	}
	if kinds < 3 {
		return apperr.BadInput("newPassword", "a password needs three of: lower case, upper case, digits, symbols")
	}
	return nil
}

func newToken(prefix string) (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = prefix + base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token), nil
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// db is the transaction of the request (a GraphQL mutation runs in one) or the shared client.
func (s *Service) db(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return s.client
}
