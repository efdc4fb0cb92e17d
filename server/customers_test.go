package main

import (
	"context"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/customers"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

var codeRE = regexp.MustCompile(`\b\d{6}\b`)

// smsCode is the code in the last text sent to mobile.
func (s *testServer) smsCode(t *testing.T, mobile string) string {
	t.Helper()
	c := codeRE.FindString(s.SMS.Last(mobile))
	if c == "" {
		t.Fatalf("no code was sent to %s", mobile)
	}
	return c
}

func (s *testServer) demoCustomer(t *testing.T, partnerName string, typ customer.AssociationType, assigned bool) *ent.Customer {
	t.Helper()
	q := s.DB.Client.Customer.Query().Where(customer.HasPartnerWith(partner.Name(partnerName)), customer.AssociationTypeEQ(typ))
	if assigned {
		q.Where(customer.ManagerIDNotNil())
	} else {
		q.Where(customer.ManagerIDIsNil())
	}
	return q.FirstX(sys())
}

const createQ = `mutation($in: CreateCustomerInput!){ createCustomer(input:$in){ customer { id accountName name mobile email associationType gracePeriodDays partner { name } } userErrors { field code message } } }`

func TestRegistration(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		taken := s.DB.Client.Customer.Query().FirstX(sys())
		// The check: well formed and free, malformed, taken.
		r := s.post(t, admin, `query($a:String,$m:String,$e:String){ checkCustomerRegistration(accountName:$a, mobile:$m, email:$e){ field valid available message } }`,
			map[string]any{"a": "new_account", "m": "0086-13700001111", "e": "new@example.com"})
		for i := 0; i < 3; i++ {
			if dig(r.Data, "checkCustomerRegistration", i, "available") != true {
				t.Fatalf("free values: %s", r.Raw)
			}
		}
		for _, bad := range []string{"13700001111", "0086-1370-0001111", "0086-abc", "+86-13700001111", "0086-" + strings.Repeat("1", 30)} {
			r = s.post(t, admin, `query($m:String){ checkCustomerRegistration(mobile:$m){ valid message } }`, map[string]any{"m": bad})
			if dig(r.Data, "checkCustomerRegistration", 0, "valid") != false {
				t.Fatalf("malformed mobile %q accepted: %s", bad, r.Raw)
			}
		}
		r = s.post(t, admin, `query($m:String){ checkCustomerRegistration(mobile:$m){ valid available message } }`, map[string]any{"m": taken.Mobile})
		if dig(r.Data, "checkCustomerRegistration", 0, "available") != false || strings.Contains(r.Raw, taken.Mobile) {
			t.Fatalf("taken mobile: %s", r.Raw)
		}
		// A malformed mobile cannot get a code; a good one gets one, not twice a minute.
		if r := s.post(t, admin, `mutation{ sendVerificationCode(mobile:"139-12-34"){ expiresAt userErrors { field code } } }`, nil); r.UserError("sendVerificationCode") != "BAD_USER_INPUT" ||
			dig(r.Data, "sendVerificationCode", "userErrors", 0, "field", 0) != "mobile" || dig(r.Data, "sendVerificationCode", "expiresAt") != nil {
			t.Fatalf("code to a malformed mobile: %s", r.Raw)
		}
		mobile := "0086-13700001111"
		if r := s.post(t, admin, `mutation($m:String!){ sendVerificationCode(mobile:$m){ expiresAt userErrors { code } } }`, map[string]any{"m": mobile}); len(r.Errors) > 0 || dig(r.Data, "sendVerificationCode", "expiresAt") == nil {
			t.Fatalf("send code: %s", r.Raw)
		}
		if r := s.post(t, admin, `mutation($m:String!){ sendVerificationCode(mobile:$m){ expiresAt } }`, map[string]any{"m": mobile}); r.Code() != "RATE_LIMITED" {
			t.Fatalf("second code within a minute: %s", r.Raw)
		}
		code := s.smsCode(t, mobile)
		in := map[string]any{"accountName": "new_account", "name": "新客户科技", "mobile": mobile, "email": "new@example.com",
			"associationType": "RESALE", "verificationCode": "000000", "provinceCode": "110000", "cityCode": "110100", "label": "新客户"}
		if code == "000000" {
			in["verificationCode"] = "111111"
		}
		if r := s.post(t, admin, createQ, map[string]any{"in": in}); r.UserError("createCustomer") != "BAD_USER_INPUT" || dig(r.Data, "createCustomer", "userErrors", 0, "field", 1) != "verificationCode" {
			t.Fatalf("wrong code: %s", r.Raw)
		}
		// A duplicate mobile is refused before the code is spent.
		dup := map[string]any{}
		for k, v := range in {
			dup[k] = v
		}
		dup["mobile"], dup["verificationCode"] = taken.Mobile, code
		if r := s.post(t, admin, createQ, map[string]any{"in": dup}); r.UserError("createCustomer") != "TAKEN" || dig(r.Data, "createCustomer", "userErrors", 0, "field", 1) != "mobile" || strings.Contains(r.Raw, taken.Mobile) {
			t.Fatalf("duplicate mobile: %s", r.Raw)
		}
		in["verificationCode"] = code
		r = s.post(t, admin, createQ, map[string]any{"in": in})
		if len(r.Errors) > 0 {
			t.Fatalf("create: %s", r.Raw)
		}
		if dig(r.Data, "createCustomer", "customer", "mobile") != "0086-137****1111" || dig(r.Data, "createCustomer", "customer", "gracePeriodDays") != float64(1) ||
			dig(r.Data, "createCustomer", "customer", "partner", "name") != "Demo SP" || r.UserError("createCustomer") != "" {
			t.Fatalf("created customer: %s", r.Raw)
		}
		id := dig(r.Data, "createCustomer", "customer", "id").(string)
		// The code cannot register its mobile again (the mobile is taken now; the refusal names it).
		in["accountName"], in["email"] = "another_account", "another@example.com"
		if r := s.post(t, admin, createQ, map[string]any{"in": in}); r.UserError("createCustomer") != "TAKEN" {
			t.Fatalf("code reused: %s", r.Raw)
		}
		// Its history starts with the association.
		r = s.post(t, admin, `query($id:ID!){ node(id:$id){ ... on Customer { associationEvents(first: 5) { edges { node { kind toType status operatorName } } } } } }`, map[string]any{"id": id})
		if dig(r.Data, "node", "associationEvents", "edges", 0, "node", "kind") != "ASSOCIATED" {
			t.Fatalf("history: %s", r.Raw)
		}
		// Codes expire.
		customers.Now = func() time.Time { return time.Now().Add(-10 * time.Minute) }
		m2 := "0086-13700002222"
		s.post(t, admin, `mutation($m:String!){ sendVerificationCode(mobile:$m){ expiresAt } }`, map[string]any{"m": m2})
		customers.Now = time.Now
		in["mobile"], in["verificationCode"] = m2, s.smsCode(t, m2)
		if r := s.post(t, admin, createQ, map[string]any{"in": in}); r.UserError("createCustomer") != "BAD_USER_INPUT" || !strings.Contains(dig(r.Data, "createCustomer", "userErrors", 0, "message").(string), "no valid code") {
			t.Fatalf("expired code: %s", r.Raw)
		}
		// A customer manager who registers a customer gets it assigned.
		mgr := s.login(t, "sp.manager@example.com")
		m3 := "0086-13700003333"
		s.post(t, mgr, `mutation($m:String!){ sendVerificationCode(mobile:$m){ expiresAt } }`, map[string]any{"m": m3})
		in["mobile"], in["verificationCode"], in["associationType"] = m3, s.smsCode(t, m3), "ADVISORY"
		r = s.post(t, mgr, createQ, map[string]any{"in": in})
		if len(r.Errors) > 0 {
			t.Fatalf("manager create: %s", r.Raw)
		}
		cu := s.DB.Client.Customer.GetX(sys(), gid.ID(dig(r.Data, "createCustomer", "customer", "id").(string)))
		if cu.ManagerID == nil || cu.ManagerAssignedAt == nil {
			t.Fatalf("not assigned to its creator: %+v", cu)
		}
	})
}

func TestAssociationTypeSwitch(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		cu := s.demoCustomer(t, "Demo SP", customer.AssociationTypeADVISORY, false)
		platform := s.login(t, "platform@example.com")
		if r := s.post(t, platform, `mutation($c:ID!){ recordCustomerRecharge(input:{customerID:$c, amount:"12.30"}, idempotencyKey:"own-1"){ journal { id } userErrors { code } } }`, map[string]any{"c": string(cu.ID)}); dig(r.Data, "recordCustomerRecharge", "journal") == nil {
			t.Fatalf("customer's own recharge: %s", r.Raw)
		}
		sw := func(tok, typ string) *gqlResponse {
			return s.post(t, tok, `mutation($c:ID!,$t:CustomerAssociationType!){ switchAssociationType(input:{customerID:$c, type:$t, reason:"contract"}){ customer { associationType gracePeriodDays } userErrors { field code message } } }`,
				map[string]any{"c": string(cu.ID), "t": typ})
		}
		r := sw(admin, "RESALE")
		if r.UserError("switchAssociationType") != "OWN_BALANCE" || !strings.Contains(dig(r.Data, "switchAssociationType", "userErrors", 0, "message").(string), "withdraw") ||
			dig(r.Data, "switchAssociationType", "customer") != nil || len(r.Errors) > 0 {
			t.Fatalf("resale with own balance: %s", r.Raw)
		}
		if r := sw(s.login(t, "sp.manager@example.com"), "RESALE"); r.Code() != "NOT_FOUND" && r.Code() != "FORBIDDEN" {
			t.Fatalf("manager switching: %s", r.Raw)
		}
		// The customer withdraws its own balance; then resale is possible.
		pw, _ := auth.HashPassword("Cust@12345678")
		s.DB.Client.User.Create().SetEmail("own@example.com").SetDisplayName("own").SetPasswordHash(pw).
			SetRole(user.RoleCUSTOMER).SetCustomerID(cu.ID).ExecX(sys())
		lr := s.post(t, "", `mutation{ login(email:"own@example.com", password:"Cust@12345678"){ token } }`, nil)
		own := dig(lr.Data, "login", "token").(string)
		if r := s.post(t, own, `mutation{ withdrawBalance(input:{amount:"12.31"}, idempotencyKey:"w-1"){ journal { id } userErrors { code } } }`, nil); dig(r.Data, "withdrawBalance", "userErrors", 0, "code") != "INSUFFICIENT_BALANCE" {
			t.Fatalf("withdrawing more than the own balance: %s", r.Raw)
		}
		if r := s.post(t, own, `mutation{ withdrawBalance(input:{amount:"12.30"}, idempotencyKey:"w-2"){ journal { amount kind } userErrors { code } } }`, nil); dig(r.Data, "withdrawBalance", "journal", "amount") != "12.30" {
			t.Fatalf("withdraw: %s", r.Raw)
		}
		r = sw(admin, "RESALE")
		if dig(r.Data, "switchAssociationType", "customer", "associationType") != "RESALE" || dig(r.Data, "switchAssociationType", "customer", "gracePeriodDays").(float64) < 1 {
			t.Fatalf("switch: %s", r.Raw)
		}
		r = sw(admin, "ADVISORY")
		if r.UserError("switchAssociationType") != "COOLING_PERIOD" {
			t.Fatalf("a second switch within 3 months: %s", r.Raw)
		}
		// Disassociation counts against the same 3 months.
		r = s.post(t, admin, `mutation($c:ID!){ requestDisassociation(input:{customerID:$c, reason:"ending"}){ event { id } userErrors { code } } }`, map[string]any{"c": string(cu.ID)})
		if r.UserError("requestDisassociation") != "COOLING_PERIOD" || dig(r.Data, "requestDisassociation", "event") != nil {
			t.Fatalf("disassociation right after a switch: %s", r.Raw)
		}
		// Both associations are in the history.
		n := s.DB.Client.Association.Query().Where().CountX(sys())
		if n == 0 {
			t.Fatal("no associations")
		}
		r = s.post(t, admin, `query($id:ID!){ node(id:$id){ ... on Customer { associations { type status } } } }`, map[string]any{"id": string(cu.ID)})
		if !strings.Contains(r.Raw, `"type":"ADVISORY","status":"ENDED"`) || !strings.Contains(r.Raw, `"type":"RESALE","status":"ACTIVE"`) {
			t.Fatalf("association history: %s", r.Raw)
		}
	})
}

func TestDisassociation(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		var returned atomic.Int32
		s := newTestServerWith(t, engine, Deps{OnDisassociate: func(ctx context.Context, c *ent.Client, cu *ent.Customer, p gid.ID) error {
			returned.Add(1)
			return nil
		}})
		admin := s.login(t, "sp.admin@example.com")
		// The demo's customer@example.com is a resale customer of Demo SP.
		custUser := s.DB.Client.User.Query().Where(user.Email("customer@example.com")).OnlyX(sys())
		cid := string(*custUser.CustomerID)
		r := s.post(t, admin, `mutation($c:ID!){ requestDisassociation(input:{customerID:$c, reason:"contract ended"}){ event { id status initiator } userErrors { code } } }`, map[string]any{"c": cid})
		ev, _ := dig(r.Data, "requestDisassociation", "event", "id").(string)
		if dig(r.Data, "requestDisassociation", "event", "status") != "PENDING" {
			t.Fatalf("request: %s", r.Raw)
		}
		if r := s.post(t, admin, `mutation($c:ID!){ requestDisassociation(input:{customerID:$c, reason:"again"}){ event { id } userErrors { code } } }`, map[string]any{"c": cid}); r.UserError("requestDisassociation") != "PENDING_REQUEST" {
			t.Fatalf("second pending request: %s", r.Raw)
		}
		decide := func(tok string, approve bool) *gqlResponse {
			return s.post(t, tok, `mutation($e:ID!,$a:Boolean!){ decideDisassociation(input:{eventID:$e, approve:$a, reason:"ok"}){ event { status decidedByName } userErrors { code message } } }`, map[string]any{"e": ev, "a": approve})
		}
		// Approving one's own request (the customer decides on the partner's).
		if r := decide(admin, true); r.UserError("decideDisassociation") != "NOT_YOUR_DECISION" || len(r.Errors) > 0 {
			t.Fatalf("partner approving its own request: %s", r.Raw)
		}
		// The customer sees the request and approves it.
		cust := s.login(t, "customer@example.com")
		r = s.post(t, cust, `{ associationEvents(first: 10, where:{status: PENDING}) { totalCount edges { node { id kind initiator reason } } } }`, nil)
		if dig(r.Data, "associationEvents", "totalCount") != float64(1) {
			t.Fatalf("customer's view of the request: %s", r.Raw)
		}
		if r := decide(cust, true); dig(r.Data, "decideDisassociation", "event", "status") != "APPROVED" {
			t.Fatalf("customer approves: %s", r.Raw)
		}
		cu := s.DB.Client.Customer.GetX(sys(), gid.ID(cid))
		if cu.PartnerID != nil || cu.AssociationType != nil || cu.GracePeriodDays < 7 || cu.ManagerID != nil {
			t.Fatalf("after disassociation: %+v", cu)
		}
		if returned.Load() != 1 {
			t.Fatalf("the allocated-balance hook ran %d times", returned.Load())
		}
		// Demo SP no longer sees the customer, but its history stays with both sides.
		if r := s.post(t, admin, `query($id:ID!){ node(id:$id){ id } }`, map[string]any{"id": cid}); r.Code() != "NOT_FOUND" {
			t.Fatalf("partner still sees the customer: %s", r.Raw)
		}
		r = s.post(t, admin, `query($c:ID!){ associationEvents(first: 10, where:{customerID:$c}) { edges { node { kind status customer { id } customerAccountName partnerName } } } }`, map[string]any{"c": cid})
		if !strings.Contains(r.Raw, "DISASSOCIATED") || len(r.Errors) > 0 || dig(r.Data, "associationEvents", "edges", 0, "node", "customer") != nil ||
			!strings.Contains(dig(r.Data, "associationEvents", "edges", 0, "node", "customerAccountName").(string), "***") ||
			dig(r.Data, "associationEvents", "edges", 0, "node", "partnerName") != "Demo SP" {
			t.Fatalf("partner's history after the customer left: %s", r.Raw)
		}

		// The customer asks; the partner rejects with a reason; someone else's partner cannot decide.
		other := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, true)
		pw, _ := auth.HashPassword("Cust@12345678")
		s.DB.Client.User.Create().SetEmail("c2@example.com").SetDisplayName("c2").SetPasswordHash(pw).
			SetRole(user.RoleCUSTOMER).SetCustomerID(other.ID).ExecX(sys())
		r = s.post(t, "", `mutation{ login(email:"c2@example.com", password:"Cust@12345678"){ token } }`, nil)
		c2 := dig(r.Data, "login", "token").(string)
		r = s.post(t, c2, `mutation($c:ID!){ requestDisassociation(input:{customerID:$c, reason:"moving on"}){ event { id initiator } userErrors { code } } }`, map[string]any{"c": string(other.ID)})
		ev = dig(r.Data, "requestDisassociation", "event", "id").(string)
		if dig(r.Data, "requestDisassociation", "event", "initiator") != "CUSTOMER" {
			t.Fatalf("customer request: %s", r.Raw)
		}
		if r := decide(c2, true); r.UserError("decideDisassociation") != "NOT_YOUR_DECISION" {
			t.Fatalf("customer approving its own request: %s", r.Raw)
		}
		if r := decide(s.login(t, "dist.admin@example.com"), true); r.Code() != "NOT_FOUND" {
			t.Fatalf("another partner deciding: %s", r.Raw)
		}
		// The supervisor sees it but only an admin or the assigned manager decides.
		if r := decide(s.login(t, "sp.supervisor@example.com"), true); r.UserError("decideDisassociation") != "NOT_YOUR_DECISION" {
			t.Fatalf("supervisor deciding: %s", r.Raw)
		}
		if r := decide(admin, false); dig(r.Data, "decideDisassociation", "event", "status") != "REJECTED" {
			t.Fatalf("partner rejects: %s", r.Raw)
		}
		if cu := s.DB.Client.Customer.GetX(sys(), other.ID); cu.PartnerID == nil {
			t.Fatal("a rejected request disassociated the customer")
		}
	})
}

func TestManagersAndFreezing(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		mgr := s.login(t, "sp.manager@example.com")
		mgrID := string(s.DB.Client.User.Query().Where(user.Email("sp.manager@example.com")).OnlyX(sys()).ID)
		unassigned := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false)
		assigned := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, true)
		freeze := func(tok, id string, frozen bool) *gqlResponse {
			return s.post(t, tok, `mutation($c:ID!,$f:Boolean!){ setCustomerFrozen(input:{customerID:$c, frozen:$f, reason:"overdue"}){ customer { frozen } userErrors { code } } }`, map[string]any{"c": id, "f": frozen})
		}
		// A manager acting on a customer not assigned to them: not found.
		if r := freeze(mgr, string(unassigned.ID), true); r.Code() != "NOT_FOUND" {
			t.Fatalf("manager freezing an unassigned customer: %s", r.Raw)
		}
		if r := s.post(t, mgr, `mutation($c:ID!){ updateCustomer(input:{id:$c, label:"x"}){ customer { id } userErrors { code } } }`, map[string]any{"c": string(unassigned.ID)}); r.Code() != "NOT_FOUND" {
			t.Fatalf("manager labelling an unassigned customer: %s", r.Raw)
		}
		if r := freeze(mgr, string(assigned.ID), true); dig(r.Data, "setCustomerFrozen", "customer", "frozen") != true {
			t.Fatalf("manager freezing an assigned customer: %s", r.Raw)
		}
		if r := freeze(mgr, string(assigned.ID), true); r.UserError("setCustomerFrozen") != "UNCHANGED" {
			t.Fatalf("freezing twice: %s", r.Raw)
		}
		if r := freeze(admin, string(assigned.ID), false); dig(r.Data, "setCustomerFrozen", "customer", "frozen") != false {
			t.Fatalf("admin unfreezing: %s", r.Raw)
		}
		advisory := s.demoCustomer(t, "Demo SP", customer.AssociationTypeADVISORY, false)
		if r := freeze(admin, string(advisory.ID), true); r.UserError("setCustomerFrozen") != "NOT_RESALE" {
			t.Fatalf("freezing an advisory customer: %s", r.Raw)
		}
		if r := s.post(t, admin, `mutation($c:ID!){ updateCustomer(input:{id:$c, label:"重点客户", remark:"VIP"}){ customer { label remark } userErrors { code } } }`, map[string]any{"c": string(advisory.ID)}); dig(r.Data, "updateCustomer", "customer", "remark") != "VIP" {
			t.Fatalf("label and remark: %s", r.Raw)
		}
		// Batch assignment answers per row; a supervisor assigns only to their managers.
		otherSP := s.demoCustomer(t, "Other SP", customer.AssociationTypeRESALE, false)
		r := s.post(t, admin, `mutation($ids:[ID!]!,$m:ID){ assignCustomerManager(input:{customerIDs:$ids, managerID:$m}){ succeeded failed results { id ok code message } } }`,
			map[string]any{"ids": []string{string(unassigned.ID), string(advisory.ID), string(otherSP.ID)}, "m": mgrID})
		if dig(r.Data, "assignCustomerManager", "succeeded") != float64(2) || dig(r.Data, "assignCustomerManager", "results", 2, "code") != "NOT_FOUND" {
			t.Fatalf("batch assign: %s", r.Raw)
		}
		cu := s.DB.Client.Customer.GetX(sys(), unassigned.ID)
		if cu.ManagerAssignedAt == nil || time.Since(*cu.ManagerAssignedAt) > time.Minute {
			t.Fatalf("assignment date: %+v", cu.ManagerAssignedAt)
		}
		r = s.post(t, admin, `query($id:ID!){ node(id:$id){ ... on Customer { managerAssignments(first: 5) { totalCount edges { node { assignedAt assignedByName manager { displayName } } } } } } }`, map[string]any{"id": string(unassigned.ID)})
		if dig(r.Data, "node", "managerAssignments", "totalCount") != float64(1) {
			t.Fatalf("assignment history: %s", r.Raw)
		}
		// The manager now sees 14 customers.
		r = s.post(t, mgr, `{ customers(first: 1) { totalCount } }`, nil)
		if dig(r.Data, "customers", "totalCount") != float64(14) {
			t.Fatalf("manager's customers after assignment: %s", r.Raw)
		}
		if r := s.post(t, mgr, `mutation($ids:[ID!]!){ assignCustomerManager(input:{customerIDs:$ids, managerID:null}){ succeeded } }`, map[string]any{"ids": []string{string(assigned.ID)}}); r.Code() != "FORBIDDEN" {
			t.Fatalf("manager reassigning: %s", r.Raw)
		}
		// Too many targets.
		ids := make([]string, 101)
		for i := range ids {
			ids[i] = string(gid.New("cus"))
		}
		if r := s.post(t, admin, `mutation($ids:[ID!]!){ assignCustomerManager(input:{customerIDs:$ids}){ succeeded userErrors { field code } } }`, map[string]any{"ids": ids}); r.UserError("assignCustomerManager") != "BAD_USER_INPUT" ||
			dig(r.Data, "assignCustomerManager", "userErrors", 0, "field", 1) != "customerIDs" {
			t.Fatalf("101 targets: %s", r.Raw)
		}
	})
}

func TestResellerApplicationsAndMigration(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		c := s.DB.Client
		// A new reseller without a distributor, with an admin.
		nr := c.Partner.Create().SetName("New Reseller").SetKind(partner.KindCLOUD_RESELLER).SaveX(sys())
		pw, _ := auth.HashPassword("Reseller@12345")
		c.User.Create().SetEmail("new.reseller@example.com").SetDisplayName("New Reseller admin").SetPasswordHash(pw).
			SetRole(user.RolePARTNER_ADMIN).SetPartnerID(nr.ID).ExecX(sys())
		r := s.post(t, "", `mutation{ login(email:"new.reseller@example.com", password:"Reseller@12345"){ token } }`, nil)
		nrTok := dig(r.Data, "login", "token").(string)
		dist := c.Partner.Query().Where(partner.Name("Demo Distributor")).OnlyX(sys())
		r = s.post(t, nrTok, `mutation($d:ID!){ applyToDistributor(distributorID:$d, message:"let us work together"){ application { id status } userErrors { code } } }`, map[string]any{"d": string(dist.ID)})
		app, _ := dig(r.Data, "applyToDistributor", "application", "id").(string)
		if dig(r.Data, "applyToDistributor", "application", "status") != "PENDING" {
			t.Fatalf("apply: %s", r.Raw)
		}
		if r := s.post(t, nrTok, `mutation($d:ID!){ applyToDistributor(distributorID:$d){ application { id } userErrors { code } } }`, map[string]any{"d": string(dist.ID)}); r.UserError("applyToDistributor") != "PENDING_APPLICATION" {
			t.Fatalf("second application: %s", r.Raw)
		}
		// Reseller East already has a distributor.
		if r := s.post(t, s.login(t, "reseller.admin@example.com"), `mutation($d:ID!){ applyToDistributor(distributorID:$d){ application { id } userErrors { code } } }`, map[string]any{"d": string(dist.ID)}); r.UserError("applyToDistributor") != "HAS_DISTRIBUTOR" {
			t.Fatalf("reseller with a distributor applying: %s", r.Raw)
		}
		distTok := s.login(t, "dist.admin@example.com")
		r = s.post(t, distTok, `{ resellerApplications(first: 10, where:{status: PENDING}) { totalCount edges { node { id message resellerName distributorName } } } }`, nil)
		if dig(r.Data, "resellerApplications", "totalCount") != float64(2) || !strings.Contains(r.Raw, `"resellerName":"New Reseller"`) { // the demo's North is pending too
			t.Fatalf("distributor's pending applications: %s", r.Raw)
		}
		r = s.post(t, distTok, `mutation($ids:[ID!]!){ decideResellerApplications(input:{ids:$ids, approve: true}){ succeeded failed results { ok code } } }`,
			map[string]any{"ids": []string{app, string(gid.New("rap"))}})
		if dig(r.Data, "decideResellerApplications", "succeeded") != float64(1) || dig(r.Data, "decideResellerApplications", "results", 1, "code") != "NOT_FOUND" {
			t.Fatalf("batch approve: %s", r.Raw)
		}
		if p := c.Partner.GetX(sys(), nr.ID); p.DistributorID == nil || *p.DistributorID != dist.ID {
			t.Fatalf("reseller not adopted: %+v", p)
		}
		// The platform migrates Demo SP customers to Reseller East; a reseller's customer is refused.
		east := c.Partner.Query().Where(partner.Name("Demo Reseller East")).OnlyX(sys())
		a := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false)
		b := s.demoCustomer(t, "Demo SP", customer.AssociationTypeADVISORY, false)
		w := s.demoCustomer(t, "Demo Reseller West", customer.AssociationTypeRESALE, false)
		q := `mutation($ids:[ID!]!,$r:ID!){ migrateCustomers(input:{customerIDs:$ids, resellerID:$r}){ succeeded failed results { ok reason } } }`
		vars := map[string]any{"ids": []string{string(a.ID), string(b.ID), string(w.ID)}, "r": string(east.ID)}
		if r := s.post(t, s.login(t, "sp.admin@example.com"), q, vars); r.Code() != "FORBIDDEN" {
			t.Fatalf("partner migrating: %s", r.Raw)
		}
		r = s.post(t, s.login(t, "platform@example.com"), q, vars)
		if dig(r.Data, "migrateCustomers", "succeeded") != float64(2) || dig(r.Data, "migrateCustomers", "results", 2, "reason") != "NOT_SOLUTION_PROVIDER" {
			t.Fatalf("migration: %s", r.Raw)
		}
		if cu := c.Customer.GetX(sys(), b.ID); cu.PartnerID == nil || *cu.PartnerID != east.ID || *cu.AssociationType != customer.AssociationTypeADVISORY {
			t.Fatalf("migrated customer: %+v", cu)
		}
		r = s.post(t, s.login(t, "reseller.admin@example.com"), `query($id:ID!){ node(id:$id){ ... on Customer { associationEvents(first: 5) { edges { node { kind } } } } } }`, map[string]any{"id": string(a.ID)})
		if !strings.Contains(r.Raw, "MIGRATED_IN") {
			t.Fatalf("reseller sees the migrated customer's history: %s", r.Raw)
		}
	})
}

func TestCustomerListFilters(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		mgrID := string(s.DB.Client.User.Query().Where(user.Email("sp.manager@example.com")).OnlyX(sys()).ID)
		total := func(tok string, where map[string]any) (float64, *gqlResponse) {
			r := s.post(t, tok, `query($w:CustomerWhereInput){ customers(first: 100, where:$w, orderBy:[{field: ASSOCIATED_AT, direction: DESC}]) { totalCount edges { node { name associatedAt } } } }`, map[string]any{"w": where})
			n, _ := dig(r.Data, "customers", "totalCount").(float64)
			return n, r
		}
		all, _ := total(admin, nil)
		resale, _ := total(admin, map[string]any{"associationType": "RESALE"})
		advisory, _ := total(admin, map[string]any{"associationType": "ADVISORY"})
		if resale == 0 || advisory == 0 || resale+advisory != all {
			t.Fatalf("by type: %v + %v != %v", resale, advisory, all)
		}
		if n, r := total(admin, map[string]any{"managerID": mgrID}); n != 12 {
			t.Fatalf("by manager: %s", r.Raw)
		}
		since := time.Now().AddDate(0, 0, -30).Format(time.RFC3339)
		if n, r := total(admin, map[string]any{"associatedAtGTE": since}); n == 0 || n >= all {
			t.Fatalf("by association date: %v of %v: %s", n, all, r.Raw)
		}
		if n, _ := total(admin, map[string]any{"label": "教育"}); n == 0 {
			t.Fatal("by label: none")
		}
		if n, r := total(admin, map[string]any{"search": "C0012"}); n != 1 {
			t.Fatalf("fuzzy search: %s", r.Raw)
		}
		if n, r := total(admin, map[string]any{"search": "有限公司"}); n == 0 {
			t.Fatalf("fuzzy search on name: %s", r.Raw)
		}
		if _, r := total(s.login(t, "sp.supervisor@example.com"), map[string]any{"search": "有限"}); r.Code() != "FORBIDDEN" {
			t.Fatalf("supervisor fuzzy search: %s", r.Raw)
		}
		if _, r := total(admin, map[string]any{"search": "x"}); r.Code() != "BAD_USER_INPUT" {
			t.Fatalf("one-character search: %s", r.Raw)
		}
	})
}
