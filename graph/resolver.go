// Package graph is the GraphQL API: schema files in schema/, thin resolvers that parse, call an
// ent query or an internal operation, and shape the answer.
package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/graph/generated"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/customers"
	"github.com/partnercenter/partnercenter/internal/jobs"
	"github.com/partnercenter/partnercenter/internal/ledger"
)

// Resolver is the dependency root of the API.
type Resolver struct {
	client    *ent.Client
	auth      *auth.Service
	customers *customers.Service
	ledger    *ledger.Ledger
	payments  ledger.PaymentGateway
	jobs      *jobs.Client
}

// Services are the domain services the API calls.
type Services struct {
	Auth      *auth.Service
	Customers *customers.Service
	Ledger    *ledger.Ledger
	Payments  ledger.PaymentGateway
	// Jobs lists the background jobs (backgroundJobs); nil: the query answers INTERNAL.
	Jobs *jobs.Client
}

// NewSchema builds the executable schema with its dependencies.
func NewSchema(client *ent.Client, s Services) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{
		Resolvers:  &Resolver{client: client, auth: s.Auth, customers: s.Customers, ledger: s.Ledger, payments: s.Payments, jobs: s.Jobs},
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

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// batchPayload shapes the per-row answers of a batch action.
func batchPayload(rows []customers.RowResult) *model.BatchPayload {
	out := &model.BatchPayload{Results: make([]*model.BatchRowResult, len(rows))}
	for i, r := range rows {
		row := &model.BatchRowResult{ID: r.ID, Ok: r.OK}
		if r.OK {
			out.Succeeded++
		} else {
			out.Failed++
			code, msg := string(r.Code), r.Message
			row.Code, row.Message = &code, &msg
			if r.Reason != "" {
				reason := r.Reason
				row.Reason = &reason
			}
		}
		out.Results[i] = row
	}
	return out
}
