package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/apikey"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// APIKeyPrefix starts every API key: pck_<12 visible hex characters>_<secret>.
const APIKeyPrefix = "pck_"

// lastUsedEvery limits how often a key's last use is written.
const lastUsedEvery = time.Minute

// CreateAPIKey makes a key for the viewer's partner and returns it in full, the only time it is
// ever shown; the database keeps its visible prefix and a hash.
func (s *Service) CreateAPIKey(ctx context.Context, name string, scope apikey.Scope) (*ent.APIKey, string, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerAdmin() || v.APIKeyID != "" {
		return nil, "", apperr.New(apperr.Forbidden, "only a partner admin, logged in, may create API keys")
	}
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > 100 {
		return nil, "", apperr.BadInput("name", "give the key a name of 1 to 100 characters")
	}
	if err := apikey.ScopeValidator(scope); err != nil {
		return nil, "", apperr.BadInput("scope", "scope must be READ or READ_WRITE")
	}
	pb := make([]byte, 6)
	sb := make([]byte, 32)
	if _, err := rand.Read(pb); err != nil {
		return nil, "", err
	}
	if _, err := rand.Read(sb); err != nil {
		return nil, "", err
	}
	prefix := APIKeyPrefix + hex.EncodeToString(pb) // no "_" in the visible part
	full := prefix + "_" + base64.RawURLEncoding.EncodeToString(sb)
	c := s.db(ctx)
	k, err := c.APIKey.Create().SetPartnerID(v.PartnerID).SetCreatedByID(v.UserID).SetName(name).
		SetPrefix(prefix).SetSecretHash(hashToken(full)).SetScope(scope).Save(ctx)
	if err != nil {
		return nil, "", err
	}
	if err := audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionAPI_KEY_CREATED, TargetType: "APIKey",
		TargetID: k.ID, Detail: "scope " + string(scope)}); err != nil {
		return nil, "", err
	}
	return k, full, nil
}

// RevokeAPIKey revokes one of the partner's keys; it is refused from the next request on.
func (s *Service) RevokeAPIKey(ctx context.Context, id gid.ID) (*ent.APIKey, error) {
	c := s.db(ctx)
	k, err := c.APIKey.Get(ctx, id) // privacy: only the partner admin's own keys are found
	if err != nil {
		return nil, err
	}
	if k.RevokedAt != nil {
		return k, nil
	}
	k, err = c.APIKey.UpdateOne(k).SetRevokedAt(s.now()).Save(ctx)
	if err != nil {
		return nil, err
	}
	return k, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionAPI_KEY_REVOKED, TargetType: "APIKey", TargetID: k.ID})
}

func (s *Service) authenticateKey(ctx context.Context, token string) (*viewer.Viewer, error) {
	rest := strings.TrimPrefix(token, APIKeyPrefix)
	vis, _, ok := strings.Cut(rest, "_")
	if !ok || len(token) > 128 {
		return nil, nil
	}
	hash := hashToken(token)
	sys := viewer.SystemContext(context.WithoutCancel(ctx)) // authentication itself
	k, err := s.client.APIKey.Query().Where(apikey.Prefix(APIKeyPrefix + vis)).WithCreatedBy().Only(sys)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare([]byte(k.SecretHash), []byte(hash)) != 1 || k.RevokedAt != nil {
		return nil, nil
	}
	now := s.now()
	if k.LastUsedAt == nil || now.Sub(*k.LastUsedAt) > lastUsedEvery {
		if err := s.client.APIKey.UpdateOne(k).SetLastUsedAt(now).Exec(sys); err != nil {
			return nil, err
		}
	}
	creator := k.Edges.CreatedBy
	v := &viewer.Viewer{
		UserID: k.CreatedByID, Role: viewer.RolePartnerAdmin, PartnerID: k.PartnerID,
		APIKeyID: k.ID, ReadOnly: k.Scope == apikey.ScopeREAD, DisplayName: "API key " + k.Name,
	}
	if creator != nil {
		v.DisplayName = "API key " + k.Name + " (" + creator.DisplayName + ")"
	}
	if err := s.loadScope(sys, v); err != nil {
		return nil, err
	}
	return v, nil
}
