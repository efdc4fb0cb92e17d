package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// tenK is a 10,000-row response: 100 partners with 100 customers each.
const tenK = `{ partners(first: 100) { edges { node { id name customers(first: 100) { edges { node { id createdAt associationType label } } } } } } }`

// BenchmarkTenThousandRowsGraphQL is the whole GraphQL path (HTTP, parse, validate, two SQL
// statements, resolve, marshal) for 10,000 rows.
func BenchmarkTenThousandRowsGraphQL(b *testing.B) {
	post, token, _ := nestedSetup(b, 0.1)
	if out := post(token, tenK); strings.Count(out, `"associationType"`) != 10_000 {
		b.Fatalf("expected 10,000 customers, got %d: %.300s", strings.Count(out, `"associationType"`), out)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		post(token, tenK)
	}
}

// BenchmarkTenThousandRowsJSON is the reference: the same rows read with ent and written with
// encoding/json.
func BenchmarkTenThousandRowsJSON(b *testing.B) {
	post, _, _ := nestedSetup(b, 0.1)
	_ = post
	client := lastClient
	ctx := viewer.SystemContext(context.Background())
	type row struct {
		ID              string    `json:"id"`
		CreatedAt       time.Time `json:"createdAt"`
		AssociationType string    `json:"associationType"`
		Label           *string   `json:"label"`
	}
	type prow struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		Customers []row  `json:"customers"`
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ps, err := client.Partner.Query().Order(ent.Asc(partner.FieldID)).Limit(100).
			WithCustomers(func(q *ent.CustomerQuery) {
				q.Select(customer.FieldID, customer.FieldCreatedAt, customer.FieldAssociationType, customer.FieldLabel, customer.FieldPartnerID).
					Order(ent.Asc(customer.FieldID))
			}).All(ctx)
		if err != nil {
			b.Fatal(err)
		}
		out := make([]prow, len(ps))
		for j, p := range ps {
			out[j] = prow{ID: string(p.ID), Name: p.Name}
			for k, c := range p.Edges.Customers {
				if k == 100 {
					break
				}
				out[j].Customers = append(out[j].Customers, row{string(c.ID), c.CreatedAt, string(*c.AssociationType), c.Label})
			}
		}
		if _, err := json.Marshal(out); err != nil {
			b.Fatal(err)
		}
	}
}
