package graph

import (
	"context"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"

	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/apperr"
)

// payload is a mutation's answer, from the payload its resolver made and the error of its
// operation: ok itself, with no userErrors, when err is nil; a payload of the same type holding
// nothing but the refusal in userErrors when err is a business refusal (the request's
// transaction then rolls back instead of committing: see refusals); err itself, a top-level
// error, otherwise. A resolver is then two lines:
//
//	c, err := r.customers.SwitchType(ctx, r.db(ctx), ...)
//	return payload(ctx, &model.SwitchAssociationTypePayload{Customer: c}, err)
func payload[P any, PP mutationPayload[P]](ctx context.Context, ok PP, err error) (PP, error) {
	ues, err := userErrors(ctx, err)
	if err != nil {
		return nil, err
	}
	if len(ues) > 0 {
		ok = new(P) // no result beside a refusal
	}
	ok.SetUserErrors(ues)
	return ok, nil
}

// mutationPayload is a pointer to a payload model (graph/model/payloads.go).
type mutationPayload[P any] interface {
	*P
	SetUserErrors([]*model.UserError)
}

// userErrors sorts an operation's error: none gives an empty list; a business refusal the list
// holding it, marking the request's transaction for rollback; anything else is returned.
func userErrors(ctx context.Context, err error) ([]*model.UserError, error) {
	if err == nil {
		return []*model.UserError{}, nil
	}
	ue, ok := userErrorOf(ctx, err)
	if !ok {
		return nil, err
	}
	if r, ok := ctx.Value(refusalsKey{}).(*refusals); ok {
		r.refused.Store(true)
	}
	return []*model.UserError{ue}, nil
}

// userErrorOf turns a business refusal into a payload's userError: BAD_USER_INPUT and CONFLICT
// (an input or a state the operation refuses), and a FORBIDDEN with a reason (refused by the
// object's state, such as NOT_YOUR_DECISION, rather than by the viewer's role). Its code is the
// reason when there is one. Everything else (UNAUTHENTICATED, VERIFICATION_REQUIRED, FORBIDDEN
// by role, NOT_FOUND, RATE_LIMITED, internal errors) stays a top-level error.
func userErrorOf(ctx context.Context, err error) (*model.UserError, bool) {
	e, ok := apperr.As(err)
	if !ok {
		return nil, false
	}
	switch {
	case e.Code == apperr.BadUserInput, e.Code == apperr.Conflict:
	case e.Code == apperr.Forbidden && e.Reason != "":
	default:
		return nil, false
	}
	code := e.Reason
	if code == "" {
		code = string(e.Code)
	}
	ue := &model.UserError{Code: code, Message: e.Message}
	if e.Field != "" {
		ue.Field = argumentPath(ctx, e.Field)
	}
	return ue, true
}

// argumentPath is where an input field sits in the mutation's arguments: [name] for an
// argument of its own (idempotencyKey, code), ["input", name] for a field of its input object.
func argumentPath(ctx context.Context, name string) []string {
	if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Field.Definition != nil {
		args := fc.Field.Definition.Arguments
		if args.ForName(name) == nil && args.ForName("input") != nil {
			return []string{"input", name}
		}
	}
	return []string{name}
}

// refusals is what the transactioner learns from the request's resolvers: whether any mutation
// was refused (userErrors), and whether that rolled the transaction back.
type refusals struct {
	refused    atomic.Bool
	rolledBack atomic.Bool
}

type refusalsKey struct{}

func withRefusals(ctx context.Context) (context.Context, *refusals) {
	r := &refusals{}
	return context.WithValue(ctx, refusalsKey{}, r), r
}
