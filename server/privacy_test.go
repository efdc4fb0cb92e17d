package main

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/associationevent"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/managerassignment"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/graph"
	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/testdb"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

func sys() context.Context { return viewer.SystemContext(context.Background()) }

// idTakingFields are the schema's fields and arguments that take an ID, each covered by
// TestCrossTenantZeroLeaks. A new one fails the test until it is covered there.
var idTakingFields = map[string]bool{
	"Query.node": true, "Query.nodes": true,
	"Query.customers": true, "Query.associations": true, "Query.partners": true, "Query.users": true,
	"Query.auditLogs": true, "Query.apiKeys": true,
	"Partner.resellers": true, "Partner.customers": true, "Partner.associations": true,
	"User.assignedCustomers":   true,
	"Mutation.revealSensitive": true, "Mutation.revokeApiKey": true,
	"Query.associationEvents": true, "Query.resellerApplications": true,
	"Customer.associationEvents": true, "Customer.managerAssignments": true,
	"Mutation.switchAssociationType": true, "Mutation.requestDisassociation": true,
	"Mutation.decideDisassociation": true, "Mutation.setCustomerFrozen": true, "Mutation.updateCustomer": true,
	"Mutation.assignCustomerManager": true, "Mutation.applyToDistributor": true,
	"Mutation.decideResellerApplications": true, "Mutation.migrateCustomers": true,
	"Query.accounts": true, "Query.journals": true, "Account.entries": true, "Customer.journals": true,
	"Mutation.allocateBalance": true, "Mutation.reclaimBalance": true, "Mutation.batchAllocateBalance": true,
	"Mutation.allocateToReseller": true, "Mutation.reclaimFromReseller": true,
	"Mutation.recordRecharge": true, "Mutation.recordCustomerRecharge": true,
	"Query.couponQuotas": true, "Query.coupons": true, "Query.couponRecords": true, "Query.customerWhitelists": true,
	"Mutation.grantCouponQuota": true, "Mutation.adjustCouponQuota": true, "Mutation.setCouponQuotaStatus": true,
	"Mutation.issueQuotaToResellers": true, "Mutation.reclaimResellerQuota": true, "Mutation.issueCoupons": true,
	"Mutation.reissueCoupon": true, "Mutation.reclaimCoupons": true, "Mutation.addToWhitelist": true, "Mutation.removeFromWhitelist": true,
	// The catalogue is public: every partner reads the same service types and products, so these
	// are covered only to show that no tenant's object comes through them.
	"Query.serviceTypes": true, "Query.products": true, "ServiceType.products": true,
}

// takesID reports whether a type (or an input object, recursively) carries an ID.
func takesID(s *ast.Schema, t *ast.Type, seen map[string]bool) bool {
	name := t.Name()
	if name == "ID" {
		return true
	}
	def := s.Types[name]
	if def == nil || def.Kind != ast.InputObject || seen[name] {
		return false
	}
	seen[name] = true
	for _, f := range def.Fields {
		if takesID(s, f.Type, seen) {
			return true
		}
	}
	return false
}

func TestEveryIDTakingFieldIsCovered(t *testing.T) {
	s := graph.NewSchema(nil, graph.Services{}).Schema()
	var missing []string
	for _, def := range s.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, f := range def.Fields {
			for _, a := range f.Arguments {
				if takesID(s, a.Type, map[string]bool{}) && !idTakingFields[def.Name+"."+f.Name] {
					missing = append(missing, def.Name+"."+f.Name)
					break
				}
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("these fields take an ID but the cross-tenant test does not cover them: %v", missing)
	}
}

// demoSPObjects lists every object of Demo SP, by type, as the platform sees them.
func demoSPObjects(t *testing.T, s *testServer) (spID string, ids map[string][]string) {
	t.Helper()
	c := s.DB.Client
	sp := c.Partner.Query().Where(partner.Name("Demo SP")).OnlyX(sys())
	ids = map[string][]string{"Partner": {string(sp.ID)}}
	for _, u := range c.User.Query().Where(user.PartnerID(sp.ID)).AllX(sys()) {
		ids["User"] = append(ids["User"], string(u.ID))
	}
	for _, cu := range c.Customer.Query().Where(customer.PartnerID(sp.ID)).WithAssociations().AllX(sys()) {
		ids["Customer"] = append(ids["Customer"], string(cu.ID))
		for _, a := range cu.Edges.Associations {
			ids["Association"] = append(ids["Association"], string(a.ID))
		}
	}
	for _, a := range c.AuditLog.Query().AllX(sys()) {
		if a.PartnerID != nil && *a.PartnerID == sp.ID {
			ids["AuditLog"] = append(ids["AuditLog"], string(a.ID))
		}
	}
	for _, k := range c.APIKey.Query().AllX(sys()) {
		if k.PartnerID == sp.ID {
			ids["APIKey"] = append(ids["APIKey"], string(k.ID))
		}
	}
	for _, e := range c.AssociationEvent.Query().Where(associationevent.PartnerID(sp.ID)).AllX(sys()) {
		ids["AssociationEvent"] = append(ids["AssociationEvent"], string(e.ID))
	}
	for _, m := range c.ManagerAssignment.Query().Where(managerassignment.PartnerID(sp.ID)).AllX(sys()) {
		ids["ManagerAssignment"] = append(ids["ManagerAssignment"], string(m.ID))
	}
	for _, a := range c.Account.Query().Where(account.Or(account.PartnerID(sp.ID), account.HasCustomerWith(customer.PartnerID(sp.ID)))).AllX(sys()) {
		ids["Account"] = append(ids["Account"], string(a.ID))
	}
	for _, j := range c.Journal.Query().Where(journal.PartnerID(sp.ID)).WithEntries().AllX(sys()) {
		ids["Journal"] = append(ids["Journal"], string(j.ID))
		for _, e := range j.Edges.Entries {
			ids["LedgerEntry"] = append(ids["LedgerEntry"], string(e.ID))
		}
	}
	for _, q := range c.CouponQuota.Query().Where(couponquota.PartnerID(sp.ID)).WithLimits().AllX(sys()) {
		ids["CouponQuota"] = append(ids["CouponQuota"], string(q.ID))
		for _, l := range q.Edges.Limits {
			ids["CouponLimit"] = append(ids["CouponLimit"], string(l.ID))
		}
	}
	for _, cp := range c.Coupon.Query().Where(coupon.PartnerID(sp.ID)).AllX(sys()) {
		ids["Coupon"] = append(ids["Coupon"], string(cp.ID))
	}
	for _, r := range c.CouponRecord.Query().Where(couponrecord.PartnerID(sp.ID)).AllX(sys()) {
		ids["CouponRecord"] = append(ids["CouponRecord"], string(r.ID))
	}
	return string(sp.ID), ids
}

func TestCrossTenantZeroLeaks(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		spAdmin := s.login(t, "sp.admin@example.com")
		// Give Demo SP objects of every kind: audit records (the login, a reveal) and an API key.
		anyCustomer := string(s.DB.Client.Customer.Query().Where(customer.HasPartnerWith(partner.Name("Demo SP"))).FirstIDX(sys()))
		if r := s.post(t, spAdmin, `mutation($id:ID!){ revealSensitive(input:{id:$id, field: MOBILE, reason:"test"}){ value } }`, map[string]any{"id": anyCustomer}); len(r.Errors) > 0 {
			t.Fatalf("reveal: %s", r.Raw)
		}
		if r := s.post(t, spAdmin, `mutation{ createApiKey(input:{name:"erp", scope: READ}){ key apiKey { id } } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("createApiKey: %s", r.Raw)
		}
		// ... an association event (a pending request) and a manager assignment.
		mgrID := string(s.DB.Client.User.Query().Where(user.Email("sp.manager@example.com")).OnlyX(sys()).ID)
		if r := s.post(t, spAdmin, `mutation($c:ID!,$m:ID){ assignCustomerManager(input:{customerIDs:[$c], managerID:$m}){ succeeded } }`, map[string]any{"c": anyCustomer, "m": mgrID}); dig(r.Data, "assignCustomerManager", "succeeded") != float64(1) {
			t.Fatalf("assign: %s", r.Raw)
		}
		r0 := s.post(t, spAdmin, `mutation($c:ID!){ requestDisassociation(input:{customerID:$c, reason:"test"}){ event { id } } }`, map[string]any{"c": anyCustomer})
		pendingEvent, _ := dig(r0.Data, "requestDisassociation", "event", "id").(string)
		if pendingEvent == "" {
			t.Fatalf("request: %s", r0.Raw)
		}
		// ... and a reseller application to Demo Distributor, for the distributor-only mutation.
		west := s.DB.Client.Partner.Query().Where(partner.Name("Demo Reseller West")).OnlyX(sys())
		dist := s.DB.Client.Partner.Query().Where(partner.Name("Demo Distributor")).OnlyX(sys())
		app := s.DB.Client.ResellerApplication.Create().SetResellerID(west.ID).SetDistributorID(dist.ID).SaveX(sys())
		spID, objs := demoSPObjects(t, s)
		var all []string
		for typ, list := range objs {
			if len(list) == 0 {
				t.Fatalf("Demo SP has no %s to test with", typ)
			}
			all = append(all, list...)
		}
		other := s.login(t, "other.admin@example.com")
		leak := func(where, raw string) {
			t.Helper()
			for _, id := range all {
				if strings.Contains(raw, id) {
					t.Fatalf("%s leaked Demo SP's %s:\n%s", where, id, raw)
				}
			}
		}
		// node and nodes, one ID at a time and all at once.
		for typ, list := range objs {
			for _, id := range list {
				r := s.post(t, other, `query($id:ID!){ node(id:$id){ id } }`, map[string]any{"id": id})
				if dig(r.Data, "node") != nil {
					t.Fatalf("node(%s %s) answered: %s", typ, id, r.Raw)
				}
				leak("node", r.Raw)
			}
		}
		for i := 0; i < len(all); i += 100 {
			chunk := all[i:min(i+100, len(all))]
			r := s.post(t, other, `query($ids:[ID!]!){ nodes(ids:$ids){ id } }`, map[string]any{"ids": chunk})
			leak("nodes", r.Raw)
		}
		// Every connection and edge, filtered by Demo SP's IDs where a filter takes one.
		queries := []string{
			`{ customers(first: 100) { totalCount edges { node { id partner { id } manager { id } associations { id partner { id } customer { id } } } } } }`,
			`{ associations(first: 100) { edges { node { id customer { id } partner { id } } } } }`,
			`{ partners(first: 20) { edges { node { id distributor { id } resellers(first: 20) { edges { node { id } } } customers(first: 100) { edges { node { id } } } associations(first: 100) { edges { node { id } } } } } } }`,
			`{ users(first: 50) { edges { node { id partner { id } customer { id } assignedCustomers(first: 100) { edges { node { id } } } } } } }`,
			`{ auditLogs(first: 100) { edges { node { id } } } }`,
			`{ apiKeys(first: 100) { edges { node { id } } } }`,
			`{ viewer { user { id } partner { id } } }`,
			`{ associationEvents(first: 100) { edges { node { id customer { id } partner { id } } } } }`,
			`{ resellerApplications(first: 100) { edges { node { id resellerID distributorID resellerName } } } }`,
			`{ customers(first: 50) { edges { node { associationEvents(first: 10) { edges { node { id } } } managerAssignments(first: 10) { edges { node { id manager { id } } } } } } } }`,
			`{ accounts(first: 100) { edges { node { id entries(first: 50) { edges { node { id journal { id } } } } } } } }`,
			`{ journals(first: 100) { edges { node { id entries { id account { id } } customer { id } } } } }`,
			`{ customers(first: 50) { edges { node { journals(first: 20) { edges { node { id } } } } } } }`,
			`{ viewer { partner { account { id balance } } } partners(first: 20) { edges { node { account { id } } } } }`,
			`{ couponQuotas(first: 100) { edges { node { id partnerID balance partnerName parent { id } limits { id } records { id couponID customerID } } } } }`,
			`{ coupons(first: 100) { edges { node { id quotaID customerID balance remark issuerName customer { id } quota { id } limits { id } } } } }`,
			`{ couponRecords(first: 100) { edges { node { id quotaID couponID customerID customerName } } } }`,
			`{ customerWhitelists(first: 100) { edges { node { id customerID customer { id } } } } }`,
			`{ myCoupons { id } }`,
			// The public catalogue: the other partner sees the same catalogue as Demo SP, none of Demo SP's objects.
			`{ serviceTypes(first: 50) { edges { node { id code products(first: 50) { edges { node { id code } } } } } } }`,
			`{ products(first: 100) { edges { node { id code serviceTypeID serviceType { id } } } } }`,
		}
		for _, q := range queries {
			r := s.post(t, other, q, nil)
			if r.Code() != "" && r.Code() != "FORBIDDEN" {
				t.Fatalf("%s: %s", q, r.Raw)
			}
			leak(q, r.Raw)
		}
		filtered := []struct {
			q    string
			vars map[string]any
		}{
			{`query($p:ID!){ customers(first: 100, where:{partnerID:$p}) { totalCount edges { node { id } } } }`, map[string]any{"p": spID}},
			{`query($p:ID!){ customers(first: 100, where:{hasPartnerWith:{id:$p}}) { totalCount edges { node { id } } } }`, map[string]any{"p": spID}},
			{`query($c:ID!){ associations(first: 100, where:{customerID:$c}) { edges { node { id } } } }`, map[string]any{"c": anyCustomer}},
			{`query($p:ID!){ associations(first: 100, where:{partnerID:$p}) { edges { node { id } } } }`, map[string]any{"p": spID}},
			{`query($p:ID!){ partners(first: 100, where:{id:$p}) { edges { node { id } } } }`, map[string]any{"p": spID}},
			{`query($p:ID!){ partners(first: 100, where:{hasResellersWith:{id:$p}}) { edges { node { id } } } }`, map[string]any{"p": spID}},
			{`query($p:ID!){ users(first: 100, where:{partnerID:$p}) { edges { node { id } } } }`, map[string]any{"p": spID}},
			{`query($id:ID!){ auditLogs(first: 100, where:{id:$id}) { edges { node { id } } } }`, map[string]any{"id": objs["AuditLog"][0]}},
			{`query($id:ID!){ apiKeys(first: 100, where:{id:$id}) { edges { node { id } } } }`, map[string]any{"id": objs["APIKey"][0]}},
			{`query($p:ID!){ partners(first: 1) { edges { node { customers(first: 100, where:{partnerID:$p}) { edges { node { id } } } associations(first: 100, where:{partnerID:$p}) { edges { node { id } } } resellers(first: 100, where:{id:$p}) { edges { node { id } } } } } } }`, map[string]any{"p": spID}},
			{`query($p:ID!){ users(first: 100) { edges { node { assignedCustomers(first: 100, where:{partnerID:$p}) { edges { node { id } } } } } } }`, map[string]any{"p": spID}},
			{`query($p:ID!){ couponQuotas(first: 100, where:{partnerID:$p}) { edges { node { id } } } }`, map[string]any{"p": spID}},
			{`query($q:ID!){ couponQuotas(first: 100, where:{id:$q}) { edges { node { id } } } }`, map[string]any{"q": objs["CouponQuota"][0]}},
			{`query($p:ID!,$q:ID!,$c:ID!){ coupons(first: 100, where:{or:[{partnerID:$p},{quotaID:$q},{customerID:$c}]}) { edges { node { id } } } }`, map[string]any{"p": spID, "q": objs["CouponQuota"][0], "c": anyCustomer}},
			{`query($p:ID!,$q:ID!,$c:ID!){ couponRecords(first: 100, where:{or:[{partnerID:$p},{quotaID:$q},{customerID:$c}]}) { edges { node { id } } } }`, map[string]any{"p": spID, "q": objs["CouponQuota"][0], "c": anyCustomer}},
			{`query($c:ID!){ customerWhitelists(first: 100, where:{customerID:$c}) { edges { node { id } } } }`, map[string]any{"c": anyCustomer}},
			{`query($p:ID!){ products(first: 100, where:{or:[{id:$p},{serviceTypeID:$p}]}) { edges { node { id } } } }`, map[string]any{"p": spID}},
			{`query($p:ID!){ serviceTypes(first: 100, where:{id:$p}) { edges { node { id products(first: 10, where:{id:$p}) { edges { node { id } } } } } } }`, map[string]any{"p": spID}},
		}
		for _, f := range filtered {
			r := s.post(t, other, f.q, f.vars)
			leak(f.q, r.Raw)
		}
		// Mutations that take an ID: refused (a top-level error, or a userError where the refusal is
		// a business one), and nothing happens.
		for _, field := range []string{"NAME", "ACCOUNT_NAME", "MOBILE", "EMAIL"} {
			r := s.post(t, other, `mutation($id:ID!,$f:SensitiveField!){ revealSensitive(input:{id:$id, field:$f}){ value } }`, map[string]any{"id": anyCustomer, "f": field})
			if r.Code() != "NOT_FOUND" {
				t.Fatalf("other partner revealing Demo SP's customer: %s", r.Raw)
			}
		}
		idMutations := []struct {
			q, code string
			vars    map[string]any
		}{
			{`mutation($c:ID!){ switchAssociationType(input:{customerID:$c, type: ADVISORY}){ customer { id } } }`, "NOT_FOUND", map[string]any{"c": anyCustomer}},
			{`mutation($c:ID!){ requestDisassociation(input:{customerID:$c, reason:"x"}){ event { id } } }`, "NOT_FOUND", map[string]any{"c": anyCustomer}},
			{`mutation($e:ID!){ decideDisassociation(input:{eventID:$e, approve: true}){ event { id } } }`, "NOT_FOUND", map[string]any{"e": pendingEvent}},
			{`mutation($c:ID!){ setCustomerFrozen(input:{customerID:$c, frozen: true, reason:"x"}){ customer { id } } }`, "NOT_FOUND", map[string]any{"c": anyCustomer}},
			{`mutation($c:ID!){ updateCustomer(input:{id:$c, label:"mine"}){ customer { id } } }`, "NOT_FOUND", map[string]any{"c": anyCustomer}},
			{`mutation($c:ID!,$m:ID){ assignCustomerManager(input:{customerIDs:[$c], managerID:$m}){ failed userErrors { code } } }`, "userErrors:BAD_USER_INPUT", map[string]any{"c": anyCustomer, "m": mgrID}},
			{`mutation($d:ID!){ applyToDistributor(distributorID:$d){ application { id } } }`, "FORBIDDEN", map[string]any{"d": string(dist.ID)}},
			{`mutation($a:ID!){ decideResellerApplications(input:{ids:[$a], approve: true}){ failed } }`, "FORBIDDEN", map[string]any{"a": string(app.ID)}},
			{`mutation($c:ID!,$r:ID!){ migrateCustomers(input:{customerIDs:[$c], resellerID:$r}){ failed } }`, "FORBIDDEN", map[string]any{"c": anyCustomer, "r": string(west.ID)}},
			{`mutation($c:ID!){ allocateBalance(input:{customerID:$c, amount:"1.00"}, idempotencyKey:"x1"){ journal { id } } }`, "NOT_FOUND", map[string]any{"c": anyCustomer}},
			{`mutation($c:ID!){ reclaimBalance(input:{customerID:$c, amount:"1.00"}, idempotencyKey:"x2"){ journal { id } } }`, "NOT_FOUND", map[string]any{"c": anyCustomer}},
			{`mutation($r:ID!){ allocateToReseller(input:{resellerID:$r, amount:"1.00"}, idempotencyKey:"x4"){ journal { id } } }`, "FORBIDDEN", map[string]any{"r": string(west.ID)}},
			{`mutation($r:ID!){ reclaimFromReseller(input:{resellerID:$r, amount:"1.00"}, idempotencyKey:"x5"){ journal { id } } }`, "FORBIDDEN", map[string]any{"r": string(west.ID)}},
			{`mutation($p:ID!){ recordRecharge(input:{partnerID:$p, amount:"1.00"}, idempotencyKey:"x6"){ journal { id } } }`, "FORBIDDEN", map[string]any{"p": spID}},
			{`mutation($c:ID!){ recordCustomerRecharge(input:{customerID:$c, amount:"1.00"}, idempotencyKey:"x7"){ journal { id } } }`, "FORBIDDEN", map[string]any{"c": anyCustomer}},
			{`mutation($p:ID!){ grantCouponQuota(input:{partnerID:$p, kind: VOUCHER, value:"1.00", validFrom:"2026-01-01T00:00:00Z", validUntil:"2099-01-01T00:00:00Z"}, idempotencyKey:"c1"){ quota { id } } }`, "FORBIDDEN", map[string]any{"p": spID}},
			{`mutation($q:ID!){ adjustCouponQuota(input:{quotaID:$q, delta:"-1.00"}, idempotencyKey:"c2"){ quota { id } } }`, "FORBIDDEN", map[string]any{"q": objs["CouponQuota"][0]}},
			{`mutation($q:ID!){ setCouponQuotaStatus(input:{quotaID:$q, status: FROZEN}, idempotencyKey:"c3"){ quota { id } } }`, "FORBIDDEN", map[string]any{"q": objs["CouponQuota"][0]}},
			{`mutation($q:ID!,$r:ID!){ issueQuotaToResellers(input:{quotaID:$q, resellerIDs:[$r], value:"1.00"}, idempotencyKey:"c4"){ quotas { id } } }`, "FORBIDDEN", map[string]any{"q": objs["CouponQuota"][0], "r": string(west.ID)}},
			{`mutation($q:ID!){ reclaimResellerQuota(input:{quotaID:$q}, idempotencyKey:"c5"){ quota { id } } }`, "FORBIDDEN", map[string]any{"q": objs["CouponQuota"][0]}},
			{`mutation($q:ID!,$c:ID!){ issueCoupons(input:{quotaID:$q, customerIDs:[$c], faceValue:"1.00"}, idempotencyKey:"c6"){ coupons { id } userErrors { code } } }`, "userErrors:BAD_USER_INPUT", map[string]any{"q": objs["CouponQuota"][0], "c": anyCustomer}},
			{`mutation($cp:ID!,$c:ID!){ reissueCoupon(input:{couponID:$cp, customerID:$c}, idempotencyKey:"c7"){ coupon { id } userErrors { code } } }`, "userErrors:BAD_USER_INPUT", map[string]any{"cp": objs["Coupon"][0], "c": anyCustomer}},
			{`mutation($cp:ID!){ reclaimCoupons(input:{couponIDs:[$cp]}, idempotencyKey:"c8"){ total results { code } userErrors { code } } }`, "userErrors:BATCH_REFUSED", map[string]any{"cp": objs["Coupon"][0]}},
			{`mutation($c:ID!){ addToWhitelist(input:{customerIDs:[$c]}){ entries { id } } }`, "FORBIDDEN", map[string]any{"c": anyCustomer}},
			{`mutation($c:ID!){ removeFromWhitelist(input:{customerIDs:[$c]}){ entries { id } } }`, "FORBIDDEN", map[string]any{"c": anyCustomer}},
		}
		for _, m := range idMutations {
			r := s.post(t, other, m.q, m.vars)
			got := r.Code()
			if strings.HasPrefix(m.code, "userErrors:") {
				got = "userErrors:" + r.UserError(rootField(m.q))
			}
			if got != m.code {
				t.Fatalf("%s as another partner: want %s, got %s", m.q, m.code, r.Raw)
			}
			leak(m.q, r.Raw)
		}
		// A batch allocation to Demo SP's customer moves nothing.
		r := s.post(t, other, `mutation($c:ID!){ batchAllocateBalance(input:{customerIDs:[$c], amount:"1.00"}, idempotencyKey:"x3"){ journals { id } results { code } } }`, map[string]any{"c": anyCustomer})
		if dig(r.Data, "batchAllocateBalance", "results", 0, "code") != "NOT_FOUND" {
			t.Fatalf("batch allocation by another partner: %s", r.Raw)
		}
		// Unassigning through a batch answers per row without touching Demo SP's customer.
		r = s.post(t, other, `mutation($c:ID!){ assignCustomerManager(input:{customerIDs:[$c], managerID: null}){ failed results { code } } }`, map[string]any{"c": anyCustomer})
		if dig(r.Data, "assignCustomerManager", "results", 0, "code") != "NOT_FOUND" {
			t.Fatalf("batch unassign by another partner: %s", r.Raw)
		}
		cu := s.DB.Client.Customer.GetX(sys(), gid.ID(anyCustomer))
		if cu.ManagerID == nil || string(*cu.ManagerID) != mgrID || cu.Label != nil || cu.Frozen || cu.PartnerID == nil {
			t.Fatalf("another partner changed Demo SP's customer: %+v", cu)
		}
		if ev := s.DB.Client.AssociationEvent.GetX(sys(), gid.ID(pendingEvent)); ev.Status != "PENDING" {
			t.Fatalf("another partner decided Demo SP's request: %s", ev.Status)
		}
		if a := s.DB.Client.ResellerApplication.GetX(sys(), app.ID); a.Status != "PENDING" {
			t.Fatalf("another partner decided Demo Distributor's application: %s", a.Status)
		}
		for _, id := range objs["Coupon"] {
			if cp := s.DB.Client.Coupon.GetX(sys(), gid.ID(id)); cp.Status != coupon.StatusUSABLE {
				t.Fatalf("another partner changed Demo SP's coupon: %s", cp.Status)
			}
		}
		for _, id := range objs["CouponQuota"] {
			if q := s.DB.Client.CouponQuota.GetX(sys(), gid.ID(id)); q.Status != couponquota.StatusNORMAL {
				t.Fatalf("another partner changed Demo SP's quota: %s", q.Status)
			}
		}
		key := objs["APIKey"][0]
		r = s.post(t, other, `mutation($id:ID!){ revokeApiKey(id:$id){ apiKey { id revokedAt } } }`, map[string]any{"id": key})
		if r.Code() != "NOT_FOUND" {
			t.Fatalf("other partner revoking Demo SP's key: %s", r.Raw)
		}
		if k := s.DB.Client.APIKey.GetX(sys(), gid.ID(key)); k.RevokedAt != nil {
			t.Fatal("Demo SP's key was revoked by another partner")
		}
	})
}

func TestRoleScopes(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		c := s.DB.Client
		count := func(email string) int {
			r := s.post(t, s.login(t, email), `{ customers(first: 1) { totalCount } }`, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("%s: %s", email, r.Raw)
			}
			return int(dig(r.Data, "customers", "totalCount").(float64))
		}
		partnerCount := func(name string) int {
			return c.Customer.Query().Where(customer.HasPartnerWith(partner.Name(name))).CountX(sys())
		}
		east, west := partnerCount("Demo Reseller East"), partnerCount("Demo Reseller West")
		want := map[string]int{
			"sp.admin@example.com":       partnerCount("Demo SP"),
			"sp.manager@example.com":     12,
			"sp.supervisor@example.com":  12, // what the one manager under them sees
			"dist.admin@example.com":     partnerCount("Demo Distributor") + east + west,
			"reseller.admin@example.com": east,
			"reseller.west@example.com":  west,
			"other.admin@example.com":    partnerCount("Other SP"),
			"customer@example.com":       1,
		}
		for email, n := range want {
			if got := count(email); got != n {
				t.Errorf("%s sees %d customers, want %d", email, got, n)
			}
		}
		// A reseller sees its distributor but not the distributor's other reseller.
		r := s.post(t, s.login(t, "reseller.admin@example.com"), `{ partners(first: 10) { edges { node { name } } } }`, nil)
		names := fmt.Sprint(r.Data)
		if !strings.Contains(names, "Demo Distributor") || strings.Contains(names, "Demo Reseller West") {
			t.Fatalf("reseller's partners: %s", r.Raw)
		}
	})
}

// Known personal data, seeded under Demo SP and assigned to sp.manager.
var probe = struct{ name, account, mobile, email string }{"隐私探针", "privacy_probe_acct", "0086-13800138000", "privacy.probe@example.com"}

func seedProbe(t *testing.T, s *testServer) string {
	t.Helper()
	c := s.DB.Client
	sp := c.Partner.Query().Where(partner.Name("Demo SP")).OnlyX(sys())
	mgr := c.User.Query().Where(user.Email("sp.manager@example.com")).OnlyX(sys())
	now := time.Now()
	cu := c.Customer.Create().SetName(probe.name).SetAccountName(probe.account).SetMobile(probe.mobile).
		SetEmail(probe.email).SetPartnerID(sp.ID).SetManagerID(mgr.ID).SetAssociationType(customer.AssociationTypeRESALE).
		SetAssociatedAt(now).SaveX(sys())
	c.Association.Create().SetCustomerID(cu.ID).SetPartnerID(sp.ID).SetType("RESALE").SetSince(now).SaveX(sys())
	return string(cu.ID)
}

func TestNoRawPersonalDataWithoutReveal(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		id := seedProbe(t, s)
		raws := []string{probe.name, probe.account, probe.mobile, "13800138000", probe.email}
		var seen []string
		check := func(what, text string) {
			t.Helper()
			seen = append(seen, text)
			for _, raw := range raws {
				if strings.Contains(text, raw) {
					t.Fatalf("%s contains the raw value %q:\n%s", what, raw, text)
				}
			}
		}
		sup := s.login(t, "sp.supervisor@example.com") // sees the customer, may not reveal it
		fields := `id accountName name mobile email label remark partner { name } manager { email displayName }`
		queries := []struct {
			q    string
			vars map[string]any
		}{
			{`{ customers(first: 100) { edges { node { ` + fields + ` } } } }`, nil},
			{`query($id:ID!){ node(id:$id){ ... on Customer { ` + fields + ` } } }`, map[string]any{"id": id}},
			{`query($id:ID!){ nodes(ids:[$id]){ ... on Customer { ` + fields + ` } } }`, map[string]any{"id": id}},
			{`{ associations(first: 100) { edges { node { customer { ` + fields + ` } } } } }`, nil},
			{`query($m:String!){ customers(first: 5, where:{mobile:$m}) { totalCount edges { node { ` + fields + ` } } } }`, map[string]any{"m": probe.mobile}},
			{`query($e:String!){ customers(first: 5, where:{email:$e}) { totalCount edges { node { ` + fields + ` } } } }`, map[string]any{"e": probe.email}},
			{`{ users(first: 100) { edges { node { email assignedCustomers(first: 100) { edges { node { ` + fields + ` } } } } } } }`, nil},
			{`{ auditLogs(first: 100) { edges { node { action actorName detail reason targetID } } } }`, nil},
			{`query($id:ID!){ revealSensitive(input:{id:$id, field: MOBILE}){ value } }`, map[string]any{"id": id}},
			{`mutation($id:ID!){ a: revealSensitive(input:{id:$id, field: MOBILE}){ value } b: revealSensitive(input:{id:$id, field: EMAIL}){ value } }`, map[string]any{"id": id}},
			{`{ customers(first: 5, where:{mobileContains: "138"}) { totalCount } }`, nil},
			{`{ customers(first: 5, orderBy:[{field: MOBILE}]) { totalCount } }`, nil},
		}
		for _, q := range queries {
			r := s.post(t, sup, q.q, q.vars)
			check(q.q, r.Raw)
		}
		// The exact-match filter finds the customer (masked).
		r := s.post(t, sup, `query($m:String!){ customers(first: 5, where:{mobile:$m}) { totalCount edges { node { mobile } } } }`, map[string]any{"m": probe.mobile})
		if dig(r.Data, "customers", "totalCount") != float64(1) || dig(r.Data, "customers", "edges", 0, "node", "mobile") != "0086-138****8000" {
			t.Fatalf("exact mobile filter: %s", r.Raw)
		}
		// Sensitive fields cannot be searched by part, nor sorted on.
		for _, q := range []string{`{ customers(first: 5, where:{mobileContains: "138"}) { totalCount } }`, `{ customers(first: 5, where:{nameHasPrefix: "隐"}) { totalCount } }`, `{ customers(first: 5, orderBy:[{field: MOBILE}]) { totalCount } }`} {
			if r := s.post(t, sup, q, nil); r.Code() != "GRAPHQL_VALIDATION_FAILED" {
				t.Fatalf("%s was not refused: %s", q, r.Raw)
			}
		}
		// The manager (may reveal) also sees masked values until revealing.
		mgr := s.login(t, "sp.manager@example.com")
		r = s.post(t, mgr, `query($id:ID!){ node(id:$id){ ... on Customer { `+fields+` } } }`, map[string]any{"id": id})
		check("manager's view", r.Raw)
		check("server log", s.Logs.String())
		if len(seen) == 0 {
			t.Fatal("nothing was checked")
		}
	})
}

func TestReveal(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		id := seedProbe(t, s)
		reveal := func(tok, id, field string) *gqlResponse {
			return s.post(t, tok, `mutation($id:ID!,$f:SensitiveField!){ revealSensitive(input:{id:$id, field:$f, reason:"customer called"}){ value } }`,
				map[string]any{"id": id, "f": field})
		}
		admin := s.login(t, "sp.admin@example.com")
		for field, want := range map[string]string{"MOBILE": probe.mobile, "EMAIL": probe.email, "NAME": probe.name, "ACCOUNT_NAME": probe.account} {
			if r := reveal(admin, id, field); dig(r.Data, "revealSensitive", "value") != want {
				t.Fatalf("admin reveal %s: %s", field, r.Raw)
			}
		}
		// The reveal left an audit record, visible to the admin.
		r := s.post(t, admin, `{ auditLogs(first: 10, where:{action: REVEAL, outcome: ALLOWED}, orderBy:{field: CREATED_AT, direction: DESC}) { totalCount edges { node { action outcome targetType targetID sensitiveField reason actorName remoteAddr requestID createdAt } } } }`, nil)
		if dig(r.Data, "auditLogs", "totalCount") != float64(4) || dig(r.Data, "auditLogs", "edges", 0, "node", "targetID") != id ||
			dig(r.Data, "auditLogs", "edges", 0, "node", "reason") != "customer called" || dig(r.Data, "auditLogs", "edges", 0, "node", "requestID") == "" {
			t.Fatalf("audit of reveals: %s", r.Raw)
		}
		// The assigned manager may reveal; a manager cannot reveal a customer not assigned to them.
		mgr := s.login(t, "sp.manager@example.com")
		if r := reveal(mgr, id, "MOBILE"); dig(r.Data, "revealSensitive", "value") != probe.mobile {
			t.Fatalf("assigned manager: %s", r.Raw)
		}
		unassigned := string(s.DB.Client.Customer.Query().Where(customer.HasPartnerWith(partner.Name("Demo SP")), customer.ManagerIDIsNil()).FirstIDX(sys()))
		if r := reveal(mgr, unassigned, "MOBILE"); r.Code() != "NOT_FOUND" || dig(r.Data, "revealSensitive") != nil {
			t.Fatalf("manager revealing an unassigned customer: %s", r.Raw)
		}
		// A supervisor sees the customer but may not reveal.
		if r := reveal(s.login(t, "sp.supervisor@example.com"), id, "MOBILE"); r.Code() != "FORBIDDEN" {
			t.Fatalf("supervisor reveal: %s", r.Raw)
		}
		// Refusals are audited too.
		r = s.post(t, admin, `{ auditLogs(first: 10, where:{action: REVEAL, outcome: DENIED}) { totalCount edges { node { detail targetID } } } }`, nil)
		if dig(r.Data, "auditLogs", "totalCount") != float64(2) {
			t.Fatalf("audited refusals: %s", r.Raw)
		}
		// A distributor may reveal its reseller's customer, recorded as acting for the reseller.
		eastCustomer := string(s.DB.Client.Customer.Query().Where(customer.HasPartnerWith(partner.Name("Demo Reseller East"))).FirstIDX(sys()))
		dist := s.login(t, "dist.admin@example.com")
		if r := reveal(dist, eastCustomer, "MOBILE"); len(r.Errors) > 0 {
			t.Fatalf("distributor reveal: %s", r.Raw)
		}
		r = s.post(t, dist, `{ auditLogs(first: 1, where:{action: REVEAL}) { edges { node { actingForID } } } }`, nil)
		if dig(r.Data, "auditLogs", "edges", 0, "node", "actingForID") == nil {
			t.Fatalf("acting-for not recorded: %s", r.Raw)
		}
		// Rate limit: at most 30 reveals a minute (the admin has made 4, so 26 more pass).
		var last *gqlResponse
		for i := 0; i < 26; i++ {
			last = reveal(admin, id, "MOBILE")
		}
		if len(last.Errors) > 0 {
			t.Fatalf("the 30th reveal was refused early: %s", last.Raw)
		}
		if r := reveal(admin, id, "MOBILE"); r.Code() != "RATE_LIMITED" {
			t.Fatalf("reveal beyond the limit: %s", r.Raw)
		}
		// One's own personal data is plain: the customer's user sees its customer, a user its email.
		r = s.post(t, s.login(t, "customer@example.com"), `{ viewer { user { email } customer { mobile email name } } }`, nil)
		if dig(r.Data, "viewer", "user", "email") != "customer@example.com" || strings.Contains(dig(r.Data, "viewer", "customer", "mobile").(string), "*") {
			t.Fatalf("own data: %s", r.Raw)
		}
		r = s.post(t, admin, `{ users(first: 20) { edges { node { email } } } viewer { user { email } } }`, nil)
		if dig(r.Data, "viewer", "user", "email") != "sp.admin@example.com" || !strings.Contains(r.Raw, "s***@example.com") {
			t.Fatalf("other users' emails should be masked, one's own not: %s", r.Raw)
		}
	})
}

// fakeClock steps 30 s (one TOTP period) per call, so each code the test makes is fresh.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }
func (c *fakeClock) tick()          { c.t = c.t.Add(30 * time.Second) }

// enrollAuthenticator enrolls an authenticator app for the user of token and returns the
// enrollment's answer and a source of codes, each a time step later on clock (stepup.Now).
func (s *testServer) enrollAuthenticator(t *testing.T, token string, clock *fakeClock) (*gqlResponse, func() string) {
	t.Helper()
	begin := s.post(t, token, `mutation{ beginTotpEnrollment { secret uri userErrors { code } } }`, nil)
	secret, _ := dig(begin.Data, "beginTotpEnrollment", "secret").(string)
	code := func() string {
		clock.tick()
		c, err := stepup.CodeAt(secret, clock.now())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if r := s.post(t, token, `mutation($c:String!){ confirmTotpEnrollment(code:$c){ user { totpEnabled } } }`, map[string]any{"c": code()}); dig(r.Data, "confirmTotpEnrollment", "user", "totpEnabled") != true {
		t.Fatalf("enrolling an authenticator: %s", r.Raw)
	}
	return begin, code
}

func TestStepUpVerification(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		clock := &fakeClock{t: time.Now()}
		stepup.Now = clock.now
		t.Cleanup(func() { stepup.Now = time.Now })
		s := newTestServer(t, engine)
		id := seedProbe(t, s)
		admin := s.login(t, "sp.admin@example.com")
		r, code := s.enrollAuthenticator(t, admin, clock)
		if uri, _ := dig(r.Data, "beginTotpEnrollment", "uri").(string); !strings.HasPrefix(uri, "otpauth://totp/") {
			t.Fatalf("enrollment: %s", r.Raw)
		}
		if r := s.post(t, admin, `mutation{ setStepUpRequired(required: true){ partner { requireStepUp } } }`, nil); r.Code() != "VERIFICATION_REQUIRED" {
			t.Fatalf("turning verification on without a code: %s", r.Raw)
		}
		if r := s.post(t, admin, `mutation($c:String){ setStepUpRequired(required: true, verificationCode:$c){ partner { requireStepUp } } }`, map[string]any{"c": code()}); dig(r.Data, "setStepUpRequired", "partner", "requireStepUp") != true {
			t.Fatalf("turning verification on: %s", r.Raw)
		}
		reveal := func(c *string) *gqlResponse {
			vars := map[string]any{"id": id}
			if c != nil {
				vars["c"] = *c
			}
			return s.post(t, admin, `mutation($id:ID!,$c:String){ revealSensitive(input:{id:$id, field: MOBILE, verificationCode:$c}){ value } }`, vars)
		}
		if r := reveal(nil); r.Code() != "VERIFICATION_REQUIRED" {
			t.Fatalf("reveal without a code: %s", r.Raw)
		}
		c1 := code()
		if r := reveal(&c1); dig(r.Data, "revealSensitive", "value") != probe.mobile {
			t.Fatalf("reveal with a fresh code: %s", r.Raw)
		}
		if r := reveal(&c1); r.Code() != "VERIFICATION_REQUIRED" || !strings.Contains(r.Errors[0].Message, "already used") {
			t.Fatalf("a replayed code was not refused: %s", r.Raw)
		}
		// Attempts are limited: after 5 failures even a good code is refused for a while.
		bad := "000000"
		for i := 0; i < 4; i++ { // the replay above was the first failure
			reveal(&bad)
		}
		good := code()
		if r := reveal(&good); r.Code() != "RATE_LIMITED" {
			t.Fatalf("after 5 wrong codes: %s", r.Raw)
		}
		// A manager of the partner is held to the same rule.
		if r := s.post(t, s.login(t, "sp.manager@example.com"), `mutation($id:ID!){ revealSensitive(input:{id:$id, field: MOBILE}){ value } }`, map[string]any{"id": id}); r.Code() != "VERIFICATION_REQUIRED" {
			t.Fatalf("manager without a code: %s", r.Raw)
		}
	})
}

func TestAPIKeys(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		create := func(scope string) (key, id string) {
			r := s.post(t, admin, `mutation($s:APIKeyScope!){ createApiKey(input:{name:"erp", scope:$s}){ key apiKey { id prefix scope } } }`, map[string]any{"s": scope})
			key, _ = dig(r.Data, "createApiKey", "key").(string)
			id, _ = dig(r.Data, "createApiKey", "apiKey", "id").(string)
			if !strings.HasPrefix(key, auth.APIKeyPrefix) || !strings.HasPrefix(key, dig(r.Data, "createApiKey", "apiKey", "prefix").(string)) {
				t.Fatalf("createApiKey: %s", r.Raw)
			}
			return key, id
		}
		readKey, readID := create("READ")
		r := s.post(t, readKey, `{ customers(first: 3) { totalCount } }`, nil)
		if len(r.Errors) > 0 || dig(r.Data, "customers", "totalCount").(float64) < 50 {
			t.Fatalf("read key query: %s", r.Raw)
		}
		if r := s.post(t, readKey, `mutation{ logout { ok } }`, nil); r.Code() != "FORBIDDEN" {
			t.Fatalf("read key on a mutation: %s", r.Raw)
		}
		rwKey, _ := create("READ_WRITE")
		if r := s.post(t, rwKey, `mutation{ logout { ok } }`, nil); len(r.Errors) > 0 || dig(r.Data, "logout", "ok") != true {
			t.Fatalf("read-write key on a mutation: %s", r.Raw)
		}
		if r := s.post(t, rwKey, `mutation{ createApiKey(input:{name:"x", scope: READ}){ key } }`, nil); r.Code() != "FORBIDDEN" {
			t.Fatalf("a key making keys: %s", r.Raw)
		}
		// Listed with prefix and last use, never the secret.
		r = s.post(t, admin, `{ apiKeys(first: 10) { totalCount edges { node { id name prefix scope lastUsedAt revokedAt } } } }`, nil)
		if dig(r.Data, "apiKeys", "totalCount") != float64(2) || strings.Contains(r.Raw, readKey) {
			t.Fatalf("listing: %s", r.Raw)
		}
		if !strings.Contains(r.Raw, `"lastUsedAt":"`) {
			t.Fatalf("last use not recorded: %s", r.Raw)
		}
		// Revoked: refused at once.
		if r := s.post(t, admin, `mutation($id:ID!){ revokeApiKey(id:$id){ apiKey { revokedAt } } }`, map[string]any{"id": readID}); dig(r.Data, "revokeApiKey", "apiKey", "revokedAt") == nil {
			t.Fatalf("revoke: %s", r.Raw)
		}
		if r := s.post(t, readKey, `{ customers(first: 1) { totalCount } }`, nil); r.Code() != "UNAUTHENTICATED" {
			t.Fatalf("revoked key still works: %s", r.Raw)
		}
		// Only admins manage keys.
		if r := s.post(t, s.login(t, "sp.manager@example.com"), `mutation{ createApiKey(input:{name:"x", scope: READ}){ key } }`, nil); r.Code() != "FORBIDDEN" {
			t.Fatalf("manager creating a key: %s", r.Raw)
		}
	})
}

func TestLoginThrottling(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		login := func(email, pw string) *gqlResponse {
			return s.post(t, "", `mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }`, map[string]any{"e": email, "p": pw})
		}
		for i := 0; i < auth.MaxAccountFailures; i++ {
			if r := login("sp.admin@example.com", "wrong"); r.Code() != "UNAUTHENTICATED" {
				t.Fatalf("failure %d: %s", i, r.Raw)
			}
		}
		if r := login("sp.admin@example.com", "Demo@12345"); r.Code() != "RATE_LIMITED" {
			t.Fatalf("after %d failures the right password got in: %s", auth.MaxAccountFailures, r.Raw)
		}
		// Unknown accounts are throttled the same way (no enumeration by behaviour).
		for i := 0; i < auth.MaxAccountFailures; i++ {
			login("ghost@example.com", "wrong")
		}
		if r := login("ghost@example.com", "wrong"); r.Code() != "RATE_LIMITED" {
			t.Fatalf("unknown account not throttled: %s", r.Raw)
		}
		// Other accounts from this address still get in, until the address limit.
		if r := login("other.admin@example.com", "Demo@12345"); len(r.Errors) > 0 {
			t.Fatalf("other account: %s", r.Raw)
		}
		for i := 0; i < auth.MaxAddressFailures; i++ {
			login(fmt.Sprintf("nobody%d@example.com", i), "wrong")
		}
		if r := login("other.admin@example.com", "Demo@12345"); r.Code() != "RATE_LIMITED" {
			t.Fatalf("address not throttled: %s", r.Raw)
		}
		// The failures are in Demo SP's audit log.
		s2 := s.DB.Client.AuditLog.Query().CountX(sys())
		if s2 < 2*auth.MaxAccountFailures {
			t.Fatalf("only %d audit records", s2)
		}
	})
}

func TestPasswordChangeEndsSessions(t *testing.T) {
	s := newTestServer(t, "sqlite3")
	t1 := s.login(t, "sp.admin@example.com")
	delete(s.tokens, "sp.admin@example.com")
	t2 := s.login(t, "sp.admin@example.com")
	if r := s.post(t, t1, `mutation{ changePassword(input:{currentPassword:"Demo@12345", newPassword:"short"}){ ok userErrors { field code } } }`, nil); r.UserError("changePassword") != "BAD_USER_INPUT" ||
		dig(r.Data, "changePassword", "userErrors", 0, "field", 1) != "newPassword" || dig(r.Data, "changePassword", "ok") != false {
		t.Fatalf("weak password: %s", r.Raw)
	}
	if r := s.post(t, t1, `mutation{ changePassword(input:{currentPassword:"wrong-password", newPassword:"N3w-Passw0rd!"}){ ok userErrors { field code } } }`, nil); r.UserError("changePassword") != "BAD_USER_INPUT" ||
		dig(r.Data, "changePassword", "userErrors", 0, "field", 1) != "currentPassword" {
		t.Fatalf("wrong current password: %s", r.Raw)
	}
	if r := s.post(t, t1, `mutation{ changePassword(input:{currentPassword:"Demo@12345", newPassword:"N3w-Passw0rd!"}){ ok userErrors { code } } }`, nil); dig(r.Data, "changePassword", "ok") != true {
		t.Fatalf("change: %s", r.Raw)
	}
	for _, tok := range []string{t1, t2} {
		if r := s.post(t, tok, `{ viewer { role } }`, nil); r.Code() != "UNAUTHENTICATED" {
			t.Fatalf("session survived a password change: %s", r.Raw)
		}
	}
	r := s.post(t, "", `mutation{ login(email:"sp.admin@example.com", password:"N3w-Passw0rd!"){ token } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("login with the new password: %s", r.Raw)
	}
}

func TestCSRF(t *testing.T) {
	s := newTestServer(t, "sqlite3")
	s.login(t, "sp.admin@example.com")
	body := `{"query":"mutation{ logout { ok } }"}`
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "https://evil.example")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("cross-site POST: status %d, want 403", resp.StatusCode)
	}
	req, _ = http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "http://localhost:5173") // an allowed origin (the Vite dev server)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := s.do(t, req); r.Status != 200 {
		t.Fatalf("allowed origin refused: %d %s", r.Status, r.Raw)
	}
}
