package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/sensitive"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// RevealSensitive is the resolver for the revealSensitive field.
func (r *mutationResolver) RevealSensitive(ctx context.Context, input model.RevealSensitiveInput) (*model.RevealSensitivePayload, error) {
	reason := ""
	if input.Reason != nil {
		reason = *input.Reason
	}
	v, err := sensitive.Reveal(ctx, r.db(ctx), sensitive.Request{ID: input.ID, Field: input.Field, Reason: reason, VerificationCode: input.VerificationCode})
	if err != nil {
		return nil, err
	}
	return &model.RevealSensitivePayload{Value: v, Field: input.Field, ID: input.ID}, nil
}

// CreateAPIKey is the resolver for the createApiKey field.
func (r *mutationResolver) CreateAPIKey(ctx context.Context, input model.CreateAPIKeyInput) (*model.CreateAPIKeyPayload, error) {
	k, full, err := r.auth.CreateAPIKey(ctx, input.Name, input.Scope)
	if err != nil {
		return nil, err
	}
	return &model.CreateAPIKeyPayload{Key: full, APIKey: k}, nil
}

// RevokeAPIKey is the resolver for the revokeApiKey field.
func (r *mutationResolver) RevokeAPIKey(ctx context.Context, id gid.ID) (*ent.APIKey, error) {
	return r.auth.RevokeAPIKey(ctx, id)
}

// BeginTotpEnrollment is the resolver for the beginTotpEnrollment field.
func (r *mutationResolver) BeginTotpEnrollment(ctx context.Context) (*model.TotpEnrollment, error) {
	secret, uri, err := stepup.BeginEnrollment(ctx, r.db(ctx))
	if err != nil {
		return nil, err
	}
	return &model.TotpEnrollment{Secret: secret, URI: uri}, nil
}

// ConfirmTotpEnrollment is the resolver for the confirmTotpEnrollment field.
func (r *mutationResolver) ConfirmTotpEnrollment(ctx context.Context, code string) (*ent.User, error) {
	return stepup.ConfirmEnrollment(ctx, r.db(ctx), code)
}

// DisableTotp is the resolver for the disableTotp field.
func (r *mutationResolver) DisableTotp(ctx context.Context, code string) (*ent.User, error) {
	return stepup.Disable(ctx, r.db(ctx), code)
}

// SetStepUpRequired is the resolver for the setStepUpRequired field.
func (r *mutationResolver) SetStepUpRequired(ctx context.Context, required bool, verificationCode *string) (*ent.Partner, error) {
	return stepup.SetRequired(ctx, r.db(ctx), required, verificationCode)
}

// ChangePassword is the resolver for the changePassword field.
func (r *mutationResolver) ChangePassword(ctx context.Context, input model.ChangePasswordInput) (bool, error) {
	if err := r.auth.ChangePassword(ctx, input.CurrentPassword, input.NewPassword); err != nil {
		return false, err
	}
	return true, nil
}

// TotpEnabled is the resolver for the totpEnabled field.
func (r *userResolver) TotpEnabled(ctx context.Context, obj *ent.User) (bool, error) {
	return obj.TotpSecret != nil, nil
}

// Mobile is the resolver for the mobile field.
func (r *customerWhereInputResolver) Mobile(ctx context.Context, obj *ent.CustomerWhereInput, data *string) error {
	if data != nil {
		if !rule.MayMatchPersonalFields(viewer.FromContext(ctx)) {
			return apperr.New(apperr.Unauthenticated, "log in first")
		}
		if len(*data) > 32 {
			return apperr.BadInput("mobile", "a mobile has at most 32 characters")
		}
		obj.AddPredicates(customer.Mobile(*data))
	}
	return nil
}

// Email is the resolver for the email field.
func (r *customerWhereInputResolver) Email(ctx context.Context, obj *ent.CustomerWhereInput, data *string) error {
	if data != nil {
		if !rule.MayMatchPersonalFields(viewer.FromContext(ctx)) {
			return apperr.New(apperr.Unauthenticated, "log in first")
		}
		if len(*data) > 254 {
			return apperr.BadInput("email", "an email has at most 254 characters")
		}
		obj.AddPredicates(customer.Email(*data))
	}
	return nil
}
