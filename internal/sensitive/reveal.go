// Package sensitive decides who may see personal data plainly, and reveals one value at a time
// (the eye button, 眼睛按钮) with an audit record in the same transaction.
package sensitive

import (
	"context"
	"strings"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/mask"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// RevealLimit reveals per RevealWindow per user; more are refused with RATE_LIMITED.
const (
	RevealLimit  = 30
	RevealWindow = time.Minute
)

// Now is the clock, replaceable in tests.
var Now = time.Now

// PlainForViewer reports whether the viewer sees obj's personal data unmasked without asking:
// only its own (a user its own email, a customer's user its own customer).
func PlainForViewer(v *viewer.Viewer, obj any) bool {
	if v == nil {
		return false
	}
	switch o := obj.(type) {
	case *ent.User:
		return o.ID == v.UserID && v.APIKeyID == ""
	case *ent.Customer:
		return v.IsCustomer() && o.ID == v.CustomerID
	}
	return false
}

// MayReveal reports whether the viewer's role allows revealing the customer's personal data:
// the platform operator, an admin of the customer's partner (or of its distributor), or the
// customer's assigned manager. API keys never reveal.
func MayReveal(v *viewer.Viewer, c *ent.Customer) bool {
	if v == nil || v.APIKeyID != "" {
		return false
	}
	switch {
	case v.IsPlatform():
		return true
	case v.IsPartnerAdmin():
		return c.PartnerID != nil && v.MayActFor(*c.PartnerID)
	case v.Role == viewer.RoleCustomerManager:
		return c.ManagerID != nil && *c.ManagerID == v.UserID && c.PartnerID != nil && *c.PartnerID == v.PartnerID
	}
	return false
}

// Request is one reveal.
type Request struct {
	ID               gid.ID
	Field            mask.Kind
	Reason           string
	VerificationCode *string
}

// Reveal returns the plain value of one field of one customer, recording the reveal (or the
// refusal) in the audit log. c is the mutation's transaction client.
func Reveal(ctx context.Context, c *ent.Client, req Request) (string, error) {
	v := viewer.FromContext(ctx)
	entry := audit.Entry{Action: auditlog.ActionREVEAL, TargetType: "Customer", TargetID: req.ID,
		Field: string(req.Field), Reason: strings.TrimSpace(req.Reason)}
	refuse := func(err *apperr.Error, detail string) (string, error) {
		entry.Detail = detail
		if aerr := audit.RecordRefusal(ctx, c, entry); aerr != nil {
			return "", aerr
		}
		return "", err
	}
	if v == nil {
		return "", apperr.New(apperr.Unauthenticated, "log in first")
	}
	if len([]rune(req.Reason)) > 500 {
		return "", apperr.BadInput("reason", "the reason is longer than 500 characters")
	}
	recent, err := c.AuditLog.Query().Where(auditlog.ActorID(v.UserID), auditlog.ActionEQ(auditlog.ActionREVEAL),
		auditlog.CreatedAtGT(Now().Add(-RevealWindow))).Count(ctx)
	if err != nil {
		return "", err
	}
	if recent >= RevealLimit {
		return refuse(apperr.New(apperr.RateLimited, "at most %d reveals a minute; try again shortly", RevealLimit), "rate limited")
	}
	if req.ID.Prefix() != gid.PrefixCustomer {
		return refuse(apperr.New(apperr.NotFound, "no customer with this ID"), "not a customer")
	}
	cu, err := c.Customer.Get(ctx, req.ID) // privacy-filtered: an invisible customer is not found
	if ent.IsNotFound(err) {
		return refuse(apperr.New(apperr.NotFound, "no customer with this ID"), "not visible")
	}
	if err != nil {
		return "", err
	}
	if !MayReveal(v, cu) {
		return refuse(apperr.New(apperr.Forbidden, "your role may not reveal this customer's personal data: ask a partner admin or the customer's assigned manager"), "role")
	}
	if cu.PartnerID != nil && *cu.PartnerID != v.PartnerID && v.PartnerID != "" {
		entry.ActingFor = *cu.PartnerID
	}
	if err := stepup.Check(ctx, c, "revealing personal data", req.VerificationCode); err != nil {
		if e, ok := apperr.As(err); ok {
			return refuse(e, "verification: "+e.Message)
		}
		return "", err
	}
	var value string
	switch req.Field {
	case mask.Name:
		value = cu.Name
	case mask.AccountName:
		value = cu.AccountName
	case mask.Mobile:
		value = cu.Mobile
	case mask.Email:
		value = cu.Email
	default:
		return "", apperr.BadInput("field", "a customer has no %s", req.Field)
	}
	if err := audit.Record(ctx, c, entry); err != nil {
		return "", err
	}
	return value, nil
}
