package main

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/graph"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// TestEveryMutationAnswersWithAPayload: every mutation returns a payload (an object, never
// null) with `userErrors: [UserError!]!`, the one place business refusals go (graph/payload.go).
// A new mutation that returns anything else fails here.
func TestEveryMutationAnswersWithAPayload(t *testing.T) {
	s := graph.NewSchema(nil, graph.Services{}).Schema()
	if s.Mutation == nil || len(s.Mutation.Fields) == 0 {
		t.Fatal("the schema has no mutations")
	}
	var bad []string
	for _, f := range s.Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		def := s.Types[f.Type.Name()]
		var ue *ast.FieldDefinition
		if def != nil && def.Kind == ast.Object && f.Type.NonNull && f.Type.Elem == nil {
			ue = def.Fields.ForName("userErrors")
		}
		if ue == nil || ue.Type.String() != "[UserError!]!" {
			bad = append(bad, f.Name+": "+f.Type.String())
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Fatalf("these mutations do not return a non-null payload object with userErrors: [UserError!]!: %v", bad)
	}
}

// TestRefusedMutationChangesNothing: a mutation refused with userErrors rolls back what it wrote
// in the request's transaction (entgql's transactioner alone would commit it, as there is no
// error): here the verification code that requestDisassociation checked, and consumed, before
// it found the pending request it refuses to duplicate.
func TestRefusedMutationChangesNothing(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		clock := &fakeClock{t: time.Now()}
		stepup.Now = clock.now
		t.Cleanup(func() { stepup.Now = time.Now })
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		_, code := s.enrollAuthenticator(t, admin, clock)
		if r := s.post(t, admin, `mutation($c:String){ setStepUpRequired(required: true, verificationCode:$c){ partner { requireStepUp } } }`, map[string]any{"c": code()}); dig(r.Data, "setStepUpRequired", "partner", "requireStepUp") != true {
			t.Fatalf("requiring verification: %s", r.Raw)
		}
		mine := []string{string(s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false).ID),
			string(s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, true).ID)}
		request := func(customerID, code string) *gqlResponse {
			return s.post(t, admin, `mutation($c:ID!,$v:String){ requestDisassociation(input:{customerID:$c, reason:"test", verificationCode:$v}){ event { id } userErrors { code message } } }`,
				map[string]any{"c": customerID, "v": code})
		}
		if r := request(mine[0], code()); dig(r.Data, "requestDisassociation", "event", "id") == nil {
			t.Fatalf("first request: %s", r.Raw)
		}
		adminID := s.DB.Client.User.Query().Where(user.Email("sp.admin@example.com")).OnlyX(sys()).ID
		step0 := s.DB.Client.User.GetX(sys(), adminID).TotpLastStep
		c2 := code()
		if r := request(mine[0], c2); r.UserError("requestDisassociation") != "PENDING_REQUEST" || len(r.Errors) > 0 || dig(r.Data, "requestDisassociation", "event") != nil {
			t.Fatalf("a second request for the same customer: %s", r.Raw)
		}
		if step := s.DB.Client.User.GetX(sys(), adminID).TotpLastStep; step != step0 {
			t.Fatalf("the refused request consumed its verification code (last step %v, was %v)", step, step0)
		}
		// The code is still fresh: another customer's request takes it.
		if r := request(mine[1], c2); dig(r.Data, "requestDisassociation", "event", "id") == nil {
			t.Fatalf("the code of a refused request: %s", r.Raw)
		}
	})
}

// TestRefusalRollsBackTheWholeOperation: an operation of several mutations shares one
// transaction, so one refusal undoes the others too, and the answer says so.
func TestRefusalRollsBackTheWholeOperation(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		resale := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false)
		advisory := s.demoCustomer(t, "Demo SP", customer.AssociationTypeADVISORY, false)
		q := `mutation($a:ID!,$b:ID!){
			label: updateCustomer(input:{id:$a, label:"rolled back"}){ customer { label } userErrors { code } }
			freeze: setCustomerFrozen(input:{customerID:$b, frozen: true, reason:"test"}){ customer { frozen } userErrors { code } } }`
		r := s.post(t, admin, q, map[string]any{"a": string(resale.ID), "b": string(advisory.ID)})
		if r.UserError("freeze") != "NOT_RESALE" || r.Code() != "ROLLED_BACK" || dig(r.Data, "label", "customer", "label") != "rolled back" {
			t.Fatalf("one refusal among two mutations: %s", r.Raw)
		}
		if cu := s.DB.Client.Customer.GetX(sys(), resale.ID); cu.Label != nil && *cu.Label == "rolled back" {
			t.Fatal("the refused operation's other mutation was committed")
		}
		// Without a refusal both are saved.
		r = s.post(t, admin, q, map[string]any{"a": string(advisory.ID), "b": string(resale.ID)})
		if len(r.Errors) > 0 || dig(r.Data, "freeze", "customer", "frozen") != true {
			t.Fatalf("two mutations: %s", r.Raw)
		}
		if cu := s.DB.Client.Customer.GetX(sys(), advisory.ID); cu.Label == nil || *cu.Label != "rolled back" {
			t.Fatalf("the label was not saved: %+v", cu.Label)
		}
	})
}

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
		r = s.post(t, admin, `mutation($c:ID!){ logout { ok } allocateBalance(input:{customerID:$c, amount:"1.00"}, idempotencyKey:"mixed-1"){ journal { id } } }`,
			map[string]any{"c": string(cu.ID)})
		if r.Code() != "BAD_USER_INPUT" || r.Data != nil || !strings.Contains(r.Errors[0].Message, "logout cannot share an operation") {
			t.Fatalf("a mixed operation: %s", r.Raw)
		}
		if r := s.post(t, admin, `{ viewer { role } }`, nil); r.Code() != "" {
			t.Fatalf("the refused operation logged out: %s", r.Raw)
		}
	})
}
