// Package customers runs the customer lifecycle (DOMAIN.md §2): registration, association and
// its type switches, disassociation requests and decisions, managers, freezing, resellers'
// applications and migration. Every step is an AssociationEvent both sides can page through.
package customers

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/verificationcode"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/sms"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Now is the clock, replaceable in tests.
var Now = time.Now

// Verification codes: how long they live, how often one may be sent, how many tries one gets.
const (
	CodeTTL         = 5 * time.Minute
	CodeResendAfter = time.Minute
	CodeMaxAttempts = 5
	purposeRegister = "register-customer"
)

var (
	mobileRE  = regexp.MustCompile(`^[0-9]+-[0-9]+$`)
	accountRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]{3,63}$`)
)

// ValidateMobile checks the "country code-number" form: 1 to 32 characters, digits and one hyphen.
func ValidateMobile(m string) error {
	if m == "" || len(m) > 32 || !mobileRE.MatchString(m) {
		return apperr.BadInput("mobile", "a mobile is the country code, a hyphen and the number, e.g. 0086-13912345678 (digits and one hyphen, at most 32 characters)")
	}
	return nil
}

// ValidateAccountName checks a login name: a letter, then 3 to 63 letters, digits, _ . or -.
func ValidateAccountName(a string) error {
	if !accountRE.MatchString(a) {
		return apperr.BadInput("accountName", "a login name starts with a letter and has 4 to 64 letters, digits, _ . or -")
	}
	return nil
}

// ValidateEmail checks an email address.
func ValidateEmail(e string) error {
	addr, err := mail.ParseAddress(e)
	if err != nil || addr.Address != e || len(e) > 254 || !strings.Contains(e[strings.LastIndex(e, "@"):], ".") {
		return apperr.BadInput("email", "not a valid email address")
	}
	return nil
}

// Check is the answer for one field of a registration check.
type Check struct {
	Field     string
	Valid     bool
	Available bool
	Message   string
}

// CheckRegistration tells whether each given login name, mobile and email is well formed and
// not yet taken by any customer (校验客户注册信息). Uniqueness is across all customers, so it
// looks past the viewer's scope, but it answers only yes or no.
func CheckRegistration(ctx context.Context, c *ent.Client, accountName, mobile, email *string) ([]Check, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerStaff() && !v.IsPlatform() {
		return nil, apperr.New(apperr.Forbidden, "only partner staff register customers")
	}
	sys := viewer.SystemContext(ctx) // uniqueness spans every partner; only a boolean leaves here
	var out []Check
	type probe struct {
		field string
		value *string
		valid func(string) error
		taken func(string) (bool, error)
	}
	probes := []probe{
		{"accountName", accountName, ValidateAccountName, func(s string) (bool, error) {
			return c.Customer.Query().Where(customer.AccountNameEqualFold(s)).Exist(sys)
		}},
		{"mobile", mobile, ValidateMobile, func(s string) (bool, error) { return c.Customer.Query().Where(customer.Mobile(s)).Exist(sys) }},
		{"email", email, ValidateEmail, func(s string) (bool, error) {
			return c.Customer.Query().Where(customer.EmailEqualFold(s)).Exist(sys)
		}},
	}
	for _, p := range probes {
		if p.value == nil {
			continue
		}
		val := strings.TrimSpace(*p.value)
		ch := Check{Field: p.field}
		if err := p.valid(val); err != nil {
			e, _ := apperr.As(err)
			ch.Message = e.Message
			out = append(out, ch)
			continue
		}
		ch.Valid = true
		taken, err := p.taken(val)
		if err != nil {
			return nil, err
		}
		ch.Available = !taken
		if taken {
			ch.Message = "already registered to another customer"
		}
		out = append(out, ch)
	}
	return out, nil
}

func hashOf(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])
}

// SendCode sends a 6-digit registration code to mobile; it returns when it expires.
func SendCode(ctx context.Context, c *ent.Client, sender sms.Sender, mobile string) (time.Time, error) {
	v := viewer.FromContext(ctx)
	if !v.IsPartnerStaff() && !v.IsPlatform() {
		return time.Time{}, apperr.New(apperr.Forbidden, "only partner staff register customers")
	}
	mobile = strings.TrimSpace(mobile)
	if err := ValidateMobile(mobile); err != nil {
		return time.Time{}, err
	}
	sys := viewer.SystemContext(ctx) // codes are not tenant data; nobody reads them through the API
	target := hashOf(purposeRegister, mobile)
	now := Now()
	recent, err := c.VerificationCode.Query().Where(verificationcode.Purpose(purposeRegister),
		verificationcode.TargetHash(target), verificationcode.CreatedAtGT(now.Add(-CodeResendAfter))).Exist(sys)
	if err != nil {
		return time.Time{}, err
	}
	if recent {
		return time.Time{}, apperr.New(apperr.RateLimited, "a code was sent to this mobile less than a minute ago; wait before asking again")
	}
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return time.Time{}, err
	}
	code := fmt.Sprintf("%06d", n.Int64())
	exp := now.Add(CodeTTL)
	if err := c.VerificationCode.Create().SetPurpose(purposeRegister).SetTargetHash(target).
		SetCodeHash(hashOf(target, code)).SetCreatedAt(now).SetExpiresAt(exp).Exec(sys); err != nil {
		return time.Time{}, err
	}
	if err := sender.Send(ctx, mobile, fmt.Sprintf("【Partner Center】您的验证码是 %s，%d 分钟内有效。Your code is %s.", code, int(CodeTTL.Minutes()), code)); err != nil {
		return time.Time{}, apperr.New(apperr.Internal, "the text message could not be sent; try again")
	}
	return exp, nil
}

// consumeCode accepts the newest unexpired code for mobile once.
func consumeCode(ctx context.Context, c *ent.Client, mobile, code string) error {
	sys := viewer.SystemContext(ctx)
	target := hashOf(purposeRegister, mobile)
	now := Now()
	vc, err := c.VerificationCode.Query().Where(verificationcode.Purpose(purposeRegister),
		verificationcode.TargetHash(target), verificationcode.UsedAtIsNil(), verificationcode.ExpiresAtGT(now)).
		Order(ent.Desc(verificationcode.FieldCreatedAt)).First(sys)
	if ent.IsNotFound(err) {
		return apperr.BadInput("verificationCode", "no valid code for this mobile: send a new one")
	}
	if err != nil {
		return err
	}
	if vc.Attempts >= CodeMaxAttempts {
		return apperr.BadInput("verificationCode", "too many wrong codes: send a new one")
	}
	if vc.CodeHash != hashOf(target, strings.TrimSpace(code)) {
		// The creation fails and rolls back; the wrong try must still count.
		if err := audit.Durable(ctx, c, func(ctx context.Context, c *ent.Client) error {
			return c.VerificationCode.UpdateOneID(vc.ID).AddAttempts(1).Exec(viewer.SystemContext(ctx))
		}); err != nil {
			return err
		}
		return apperr.BadInput("verificationCode", "the verification code is wrong")
	}
	n, err := c.VerificationCode.Update().Where(verificationcode.ID(vc.ID), verificationcode.UsedAtIsNil()).SetUsedAt(now).Save(sys)
	if err != nil {
		return err
	}
	if n == 0 {
		return apperr.BadInput("verificationCode", "this code was already used: send a new one")
	}
	return nil
}
