package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/graph/generated"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Login is the resolver for the login field.
func (r *mutationResolver) Login(ctx context.Context, email string, password string) (*model.LoginPayload, error) {
	ses, err := r.auth.Login(ctx, email, password)
	if err != nil {
		return payload(ctx, &model.LoginPayload{}, err)
	}
	auth.SetSessionCookie(ctx, ses.Token, ses.ExpiresAt)
	// The rest of this request is answered as the user who just logged in.
	v, err := r.auth.ViewerFor(ctx, ses.User)
	if err != nil {
		return nil, err
	}
	vctx := viewer.NewContext(ctx, v)
	vm, err := r.viewerOf(vctx, ses.User)
	return payload(ctx, &model.LoginPayload{Token: &ses.Token, ExpiresAt: &ses.ExpiresAt, Viewer: vm}, err)
}

// Logout is the resolver for the logout field.
func (r *mutationResolver) Logout(ctx context.Context) (*model.LogoutPayload, error) {
	err := r.auth.Logout(ctx)
	if err == nil {
		auth.ClearSessionCookie(ctx)
	}
	return payload(ctx, &model.LogoutPayload{Ok: true}, err)
}

// Viewer is the resolver for the viewer field.
func (r *queryResolver) Viewer(ctx context.Context) (*model.Viewer, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, nil
	}
	u, err := r.client.User.Get(ctx, v.UserID)
	if err != nil {
		return nil, err
	}
	return r.viewerOf(ctx, u)
}

// Mutation returns generated.MutationResolver implementation.
func (r *Resolver) Mutation() generated.MutationResolver { return &mutationResolver{r} }

type mutationResolver struct{ *Resolver }
