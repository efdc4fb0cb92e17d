// Package stepup is step-up verification (验证码验证): when a partner requires it, sensitive
// operations (allocate, reclaim, issue or reclaim coupons, disassociate, withdraw, reveal) need a
// fresh code from the user's authenticator app. A code is accepted once; failures are limited.
package stepup

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Issuer names the service in authenticator apps.
const Issuer = "Partner Center"

// period is the TOTP time step.
const period = 30

// MaxFailures within FailureWindow lock verification for the rest of the window.
const (
	MaxFailures   = 5
	FailureWindow = 15 * time.Minute
)

// Now is the clock, replaceable in tests.
var Now = time.Now

// Operation names what a code is being asked for, for the audit log.
type Operation string

// NewSecret returns a fresh base32 TOTP secret and its otpauth:// URI for a QR code.
func NewSecret(account string) (secret, uri string, err error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	secret = strings.TrimRight(base32.StdEncoding.EncodeToString(b), "=")
	key, err := otp.NewKeyFromURL(fmt.Sprintf("otpauth://totp/%s:%s?secret=%s&issuer=%s&algorithm=SHA1&digits=6&period=%d",
		escape(Issuer), escape(account), secret, escape(Issuer), period))
	if err != nil {
		return "", "", err
	}
	return secret, key.URL(), nil
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, " ", "%20"), ":", "%3A")
}

// CodeAt is the code of secret at time t (tests and the SPA's own checks use it).
func CodeAt(secret string, t time.Time) (string, error) {
	return totp.GenerateCodeCustom(secret, t, totp.ValidateOpts{Period: period, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
}

// matchStep returns the time step (within one step of now) whose code is code, or 0.
func matchStep(secret, code string, now time.Time) int64 {
	code = strings.TrimSpace(code)
	if len(code) != 6 {
		return 0
	}
	for _, d := range []int64{0, -1, 1} {
		t := now.Add(time.Duration(d*period) * time.Second)
		if c, err := CodeAt(secret, t); err == nil && c == code {
			return t.Unix() / period
		}
	}
	return 0
}

// Required reports whether the viewer's partner requires step-up verification (read with the
// viewer's scope at the start of the request).
func Required(ctx context.Context, _ *ent.Client) (bool, error) {
	v := viewer.FromContext(ctx)
	return v != nil && v.PartnerID != "" && v.RequireStepUp, nil
}

// Check refuses with VERIFICATION_REQUIRED unless step-up is off for the viewer's partner or code
// is a fresh, unused code of the viewer's authenticator. c is the operation's transaction client;
// failures are recorded so that they survive its rollback.
func Check(ctx context.Context, c *ent.Client, op Operation, code *string) error {
	required, err := Required(ctx, c)
	if err != nil || !required {
		return err
	}
	v := viewer.FromContext(ctx)
	if v.APIKeyID != "" {
		return apperr.Refuse(apperr.VerificationRequired, "API_KEY", "your partner requires verification codes for %s, which an API key cannot give", op)
	}
	if code == nil || strings.TrimSpace(*code) == "" {
		return apperr.Refuse(apperr.VerificationRequired, "CODE_REQUIRED", "%s needs a code from your authenticator app (verificationCode)", op)
	}
	return Verify(ctx, c, op, *code)
}

// Verify checks a code of the viewer's own authenticator, consuming it.
func Verify(ctx context.Context, c *ent.Client, op Operation, code string) error {
	v := viewer.FromContext(ctx)
	if v == nil {
		return apperr.New(apperr.Unauthenticated, "log in first")
	}
	fails, err := c.AuditLog.Query().Where(auditlog.ActorID(v.UserID), auditlog.ActionEQ(auditlog.ActionSTEP_UP_FAILED),
		auditlog.CreatedAtGT(Now().Add(-FailureWindow))).Count(ctx)
	if err != nil {
		return err
	}
	if fails >= MaxFailures {
		return apperr.New(apperr.RateLimited, "too many wrong verification codes; try again in %d minutes", int(FailureWindow.Minutes()))
	}
	u, err := c.User.Get(ctx, v.UserID)
	if err != nil {
		return err
	}
	if u.TotpSecret == nil {
		return apperr.Refuse(apperr.VerificationRequired, "NOT_ENROLLED", "enroll an authenticator app first (Security settings)")
	}
	fail := func(reason, detail string) error {
		if err := audit.RecordRefusal(ctx, c, audit.Entry{Action: auditlog.ActionSTEP_UP_FAILED, Detail: detail, Reason: string(op)}); err != nil {
			return err
		}
		e := apperr.Refuse(apperr.VerificationRequired, reason, "the verification code is %s", detail)
		e.Field = "verificationCode"
		return e
	}
	step := matchStep(*u.TotpSecret, code, Now())
	if step == 0 {
		return fail("WRONG_CODE", "wrong or expired")
	}
	// Consume the step atomically: two requests with one code cannot both pass.
	n, err := c.User.Update().Where(user.ID(v.UserID), user.TotpLastStepLT(step)).SetTotpLastStep(step).Save(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		return fail("CODE_USED", "already used; wait for the next code")
	}
	return audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionSTEP_UP_VERIFIED, Reason: string(op)})
}

// BeginEnrollment stores a pending secret for the viewer and returns it with its otpauth URI.
func BeginEnrollment(ctx context.Context, c *ent.Client) (secret, uri string, err error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.APIKeyID != "" {
		return "", "", apperr.New(apperr.Forbidden, "log in as yourself to enroll an authenticator")
	}
	u, err := c.User.Get(ctx, v.UserID)
	if err != nil {
		return "", "", err
	}
	secret, uri, err = NewSecret(u.Email)
	if err != nil {
		return "", "", err
	}
	return secret, uri, c.User.UpdateOneID(v.UserID).SetTotpPendingSecret(secret).Exec(ctx)
}

// ConfirmEnrollment turns the pending secret into the enrolled one when code matches it.
func ConfirmEnrollment(ctx context.Context, c *ent.Client, code string) (*ent.User, error) {
	v := viewer.FromContext(ctx)
	if v == nil || v.APIKeyID != "" {
		return nil, apperr.New(apperr.Forbidden, "log in as yourself to enroll an authenticator")
	}
	u, err := c.User.Get(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	if u.TotpPendingSecret == nil {
		return nil, apperr.New(apperr.BadUserInput, "start the enrollment first (beginTotpEnrollment)")
	}
	step := matchStep(*u.TotpPendingSecret, code, Now())
	if step == 0 {
		e := apperr.BadInput("code", "the code does not match; check the app's clock and try the next code")
		return nil, e
	}
	u, err = c.User.UpdateOneID(v.UserID).SetTotpSecret(*u.TotpPendingSecret).ClearTotpPendingSecret().
		SetTotpLastStep(step).Save(ctx)
	if err != nil {
		return nil, err
	}
	return u, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionTOTP_ENROLLED})
}

// Disable removes the viewer's authenticator after checking a current code. An admin cannot
// remove it while its partner requires step-up verification.
func Disable(ctx context.Context, c *ent.Client, code string) (*ent.User, error) {
	if required, err := Required(ctx, c); err != nil {
		return nil, err
	} else if required && viewer.FromContext(ctx).IsPartnerAdmin() {
		return nil, apperr.New(apperr.Forbidden, "turn off required verification for your partner first")
	}
	if err := Verify(ctx, c, "removing the authenticator", code); err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	u, err := c.User.UpdateOneID(v.UserID).ClearTotpSecret().ClearTotpPendingSecret().Save(ctx)
	if err != nil {
		return nil, err
	}
	return u, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionTOTP_DISABLED})
}

// SetRequired turns step-up verification on or off for the admin's partner. Turning it on needs
// the admin's own authenticator (so nobody locks the partner out) and a current code.
func SetRequired(ctx context.Context, c *ent.Client, required bool, code *string) (*ent.Partner, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerAdmin() || v.APIKeyID != "" {
		return nil, apperr.New(apperr.Forbidden, "only a partner admin may change verification settings")
	}
	if code == nil || *code == "" {
		return nil, apperr.Refuse(apperr.VerificationRequired, "CODE_REQUIRED", "changing this setting needs a code from your authenticator app")
	}
	if err := Verify(ctx, c, "changing verification settings", *code); err != nil {
		return nil, err
	}
	p, err := c.Partner.UpdateOneID(v.PartnerID).SetRequireStepUp(required).Save(ctx)
	if err != nil {
		return nil, err
	}
	detail := "step-up verification off"
	if required {
		detail = "step-up verification on"
	}
	return p, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionSETTINGS_CHANGED, TargetType: "Partner", TargetID: p.ID, Detail: detail})
}
