package main

import (
	"strings"
	"testing"

	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// TestOwnTransactionFields: the mutations declared @ownTransaction in the schema run without
// the request's transaction, also when selected through a fragment (on SQLite the ledger's own
// transaction would wait for the request's write lock), and cannot share an operation with
// mutations that need it.
func TestOwnTransactionFields(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		cu := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false)
		r := s.post(t, admin, `mutation($c:ID!){ ...Alloc } fragment Alloc on Mutation { allocateBalance(input:{customerID:$c, amount:"1.00"}, idempotencyKey:"frag-1"){ journal { amount } userErrors { code } } }`,
			map[string]any{"c": string(cu.ID)})
		if dig(r.Data, "allocateBalance", "journal", "amount") != "1.00" {
			t.Fatalf("an allocation through a fragment: %s", r.Raw)
		}
		r = s.post(t, admin, `mutation($c:ID!){ logout allocateBalance(input:{customerID:$c, amount:"1.00"}, idempotencyKey:"mixed-1"){ journal { id } } }`,
			map[string]any{"c": string(cu.ID)})
		if r.Code() != "BAD_USER_INPUT" || r.Data != nil || !strings.Contains(r.Errors[0].Message, "logout cannot share an operation") {
			t.Fatalf("a mixed operation: %s", r.Raw)
		}
		if r := s.post(t, admin, `{ viewer { role } }`, nil); r.Code() != "" {
			t.Fatalf("the refused operation logged out: %s", r.Raw)
		}
	})
}
