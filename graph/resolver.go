// Package graph is the GraphQL API: schema files in schema/, thin resolvers that parse, call an
// ent query or an internal operation, and shape the answer.
package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/graph/generated"
	"github.com/partnercenter/partnercenter/internal/auth"
)

// Resolver is the dependency root of the API.
type Resolver struct {
	client *ent.Client
	auth   *auth.Service
}

// NewSchema builds the executable schema with its dependencies.
func NewSchema(client *ent.Client, authSvc *auth.Service) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{
		Resolvers:  &Resolver{client: client, auth: authSvc},
		Directives: generated.DirectiveRoot{Sensitive: sensitiveDirective},
	})
}

// db is the client of the request: the mutation's transaction (opened by entgql.Transactioner)
// when there is one, else the shared client.
func (r *Resolver) db(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return r.client
}
