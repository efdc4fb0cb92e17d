// Package auth verifies credentials (passwords, session tokens) and turns them into a viewer.
// Sessions live in the database, so any number of server instances share them.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"sync"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/session"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// TokenPrefix starts every session token, so that a leaked one is recognisable.
const TokenPrefix = "pcs_"

// Service logs users in and out and resolves tokens to viewers.
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

// dummyHash is verified against when the email is unknown, so both failures take the same time.
var dummyHash = sync.OnceValue(func() string { h, _ := HashPassword("not-a-password"); return h })

// Session is a freshly issued login.
type Session struct {
	Token     string
	ExpiresAt time.Time
	User      *ent.User
}

// Login checks email and password and opens a session.
func (s *Service) Login(ctx context.Context, email, password, remoteAddr string) (*Session, error) {
	sys := viewer.SystemContext(ctx)
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" || password == "" || len(password) > 256 {
		return nil, ErrInvalidCredentials
	}
	u, err := s.db(ctx).User.Query().Where(user.Email(email)).Only(sys)
	if ent.IsNotFound(err) {
		_, _ = VerifyPassword(dummyHash(), password)
		return nil, ErrInvalidCredentials
	}
	if err != nil {
		return nil, err
	}
	ok, err := VerifyPassword(u.PasswordHash, password)
	if err != nil || !ok {
		return nil, ErrInvalidCredentials
	}
	token, hash, err := newToken()
	if err != nil {
		return nil, err
	}
	exp := s.now().Add(s.ttl)
	if len(remoteAddr) > 64 {
		remoteAddr = remoteAddr[:64]
	}
	if _, err := s.db(ctx).Session.Create().SetTokenHash(hash).SetUserID(u.ID).
		SetExpiresAt(exp).SetRemoteAddr(remoteAddr).Save(sys); err != nil {
		return nil, err
	}
	return &Session{Token: token, ExpiresAt: exp, User: u}, nil
}

// Authenticate returns the viewer of a session token, or nil if the token is not a live session.
func (s *Service) Authenticate(ctx context.Context, token string) (*viewer.Viewer, error) {
	if !strings.HasPrefix(token, TokenPrefix) || len(token) > 128 {
		return nil, nil
	}
	sys := viewer.SystemContext(ctx)
	ses, err := s.client.Session.Query().
		Where(session.TokenHash(hashToken(token)), session.RevokedAtIsNil(), session.ExpiresAtGT(s.now())).
		WithUser().Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	u := ses.Edges.User
	if u.PasswordChangedAt != nil && u.PasswordChangedAt.After(ses.CreatedAt) {
		return nil, nil
	}
	return ViewerOf(u, ses), nil
}

// ViewerOf builds the viewer of a user (and the session it came with, if any).
func ViewerOf(u *ent.User, ses *ent.Session) *viewer.Viewer {
	v := &viewer.Viewer{UserID: u.ID, Role: viewer.Role(u.Role)}
	if u.PartnerID != nil {
		v.PartnerID = *u.PartnerID
	}
	if u.CustomerID != nil {
		v.CustomerID = *u.CustomerID
	}
	if ses != nil {
		v.SessionID = ses.ID
	}
	return v
}

// Logout revokes the viewer's current session.
func (s *Service) Logout(ctx context.Context) error {
	v := viewer.FromContext(ctx)
	if v == nil || v.SessionID == "" {
		return nil
	}
	return s.db(ctx).Session.UpdateOneID(v.SessionID).SetRevokedAt(s.now()).Exec(viewer.SystemContext(ctx))
}

func newToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
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
