package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/customerwhitelist"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

const issueQ = `mutation($q:ID!,$ids:[ID!]!,$f:Decimal!,$k:String!,$l:[CouponLimitInput!],$d:Boolean,$r:String){
  issueCoupons(input:{quotaID:$q, customerIDs:$ids, faceValue:$f, limits:$l, designated:$d, remark:$r}, idempotencyKey:$k){
    succeeded failed coupons { id balance remark status } results { id ok code reason message } userErrors { field code message } } }`

const reclaimCouponsQ = `mutation($ids:[ID!]!,$k:String!){ reclaimCoupons(input:{couponIDs:$ids}, idempotencyKey:$k){
  total reclaims { amount coupon { id status balance } } results { id ok code reason message } userErrors { code message } } }`

const grantQ = `mutation($p:ID!,$kind:CouponQuotaKind!,$v:Decimal!,$from:Time!,$until:Time!,$k:String!){
  grantCouponQuota(input:{partnerID:$p, kind:$kind, value:$v, validFrom:$from, validUntil:$until}, idempotencyKey:$k){ quota { id balance status } userErrors { code message } } }`

func (s *testServer) partnerID(t *testing.T, name string) gid.ID {
	t.Helper()
	return s.DB.Client.Partner.Query().Where(partner.Name(name)).OnlyIDX(sys())
}

// quotaOf returns a demo partner's first quota of a kind (the demo world's grants).
func (s *testServer) quotaOf(t *testing.T, partnerName string, kind couponquota.Kind, withLimits bool) gid.ID {
	t.Helper()
	q := s.DB.Client.CouponQuota.Query().Where(couponquota.PartnerID(s.partnerID(t, partnerName)), couponquota.KindEQ(kind))
	if withLimits {
		q.Where(couponquota.HasLimits())
	} else {
		q.Where(couponquota.Not(couponquota.HasLimits()))
	}
	return q.FirstIDX(sys())
}

// grant gives a partner a fresh quota through the platform's mutation.
func (s *testServer) grant(t *testing.T, partnerName string, kind couponquota.Kind, value string) gid.ID {
	t.Helper()
	r := s.post(t, s.login(t, "platform@example.com"), grantQ, map[string]any{"p": string(s.partnerID(t, partnerName)), "kind": string(kind), "v": value,
		"from": time.Now().Add(-time.Hour).Format(time.RFC3339), "until": time.Now().AddDate(0, 6, 0).Format(time.RFC3339), "k": "grant-" + string(gid.New("K"))})
	id, _ := dig(r.Data, "grantCouponQuota", "quota", "id").(string)
	if id == "" || dig(r.Data, "grantCouponQuota", "quota", "balance") != value {
		t.Fatalf("grant: %s", r.Raw)
	}
	return gid.ID(id)
}

func (s *testServer) resaleCustomers(t *testing.T, partnerName string, n int) []any {
	t.Helper()
	ids := s.DB.Client.Customer.Query().Where(customer.HasPartnerWith(partner.Name(partnerName)), customer.AssociationTypeEQ(customer.AssociationTypeRESALE)).
		Order(customer.ByID()).Limit(n).IDsX(sys())
	return toAny(ids)
}

func issued(t *testing.T, r *gqlResponse) []string {
	t.Helper()
	var ids []string
	list, _ := dig(r.Data, "issueCoupons", "coupons").([]any)
	for i := range list {
		ids = append(ids, dig(list[i], "id").(string))
	}
	return ids
}

func TestCouponRules(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		c := s.DB.Client
		plain := s.grant(t, "Demo SP", couponquota.KindVOUCHER, "1000.00")
		limited := s.quotaOf(t, "Demo SP", couponquota.KindVOUCHER, true) // compute,storage; min 100.00
		custs := s.resaleCustomers(t, "Demo SP", 3)

		// Limits outside the quota's are refused, naming the limit; nothing is issued.
		before := c.Coupon.Query().CountX(sys())
		r := s.post(t, admin, issueQ, map[string]any{"q": string(limited), "ids": custs[:1], "f": "10.00", "k": "lim-1",
			"l": []map[string]any{{"key": "SERVICE_TYPES", "value": "compute,network"}}})
		if r.UserError("issueCoupons") != "LIMIT_OUTSIDE_QUOTA" || !strings.Contains(r.Raw, "SERVICE_TYPES") {
			t.Fatalf("a limit outside the quota's: %s", r.Raw)
		}
		r = s.post(t, admin, issueQ, map[string]any{"q": string(limited), "ids": custs[:1], "f": "10.00", "k": "lim-2",
			"l": []map[string]any{{"key": "MIN_ORDER_AMOUNT", "value": "50.00"}}})
		if r.UserError("issueCoupons") != "LIMIT_OUTSIDE_QUOTA" || !strings.Contains(r.Raw, "MIN_ORDER_AMOUNT") {
			t.Fatalf("a minimum below the quota's: %s", r.Raw)
		}
		if n := c.Coupon.Query().CountX(sys()); n != before {
			t.Fatalf("a refused issue made coupons: %d, was %d", n, before)
		}
		// Inside: the coupon carries the quota's limits where it gives none.
		r = s.post(t, admin, issueQ, map[string]any{"q": string(limited), "ids": custs[:1], "f": "10.00", "k": "lim-3",
			"l": []map[string]any{{"key": "SERVICE_TYPES", "value": "compute"}}})
		if dig(r.Data, "issueCoupons", "succeeded") != float64(1) {
			t.Fatalf("a limit inside the quota's: %s", r.Raw)
		}
		cp := c.Coupon.Query().Where(coupon.ID(gid.ID(issued(t, r)[0]))).WithLimits().OnlyX(sys())
		if len(cp.Edges.Limits) != 2 {
			t.Fatalf("the coupon's limits: %+v", cp.Edges.Limits)
		}

		// An advisory customer is refused per row and nothing is issued.
		advisory := s.demoCustomer(t, "Demo SP", customer.AssociationTypeADVISORY, false)
		r = s.post(t, admin, issueQ, map[string]any{"q": string(plain), "ids": append(append([]any{}, custs...), string(advisory.ID)), "f": "100.00", "k": "adv"})
		if dig(r.Data, "issueCoupons", "results", 3, "reason") != "ADVISORY_CUSTOMER" || dig(r.Data, "issueCoupons", "results", 0, "code") != "NOT_ATTEMPTED" ||
			r.UserError("issueCoupons") != "BATCH_REFUSED" {
			t.Fatalf("an advisory customer in the batch: %s", r.Raw)
		}
		// Three vouchers of 100.00, with a remark.
		r = s.post(t, admin, issueQ, map[string]any{"q": string(plain), "ids": custs, "f": "100.00", "k": "iss", "r": "年末促销"})
		ids := issued(t, r)
		if len(ids) != 3 || dig(r.Data, "issueCoupons", "coupons", 0, "remark") != "年末促销" {
			t.Fatalf("issue: %s", r.Raw)
		}
		if b := balanceOf(t, s, ledger.QuotaBalance(plain)); b.String() != "700.00" {
			t.Fatalf("quota after issuing 300.00: %s", b)
		}

		// A reclaim takes exactly what is left: 30.00 of the first was spent.
		if err := ledger.Seed(sys(), c, journal.KindWITHDRAW, money.MustParse("30.00"), ledger.CouponBalance(gid.ID(ids[0])), ledger.External(), "", ""); err != nil {
			t.Fatal(err)
		}
		r = s.post(t, admin, reclaimCouponsQ, map[string]any{"ids": []any{ids[0]}, "k": "rec-1"})
		if dig(r.Data, "reclaimCoupons", "total") != "70.00" || dig(r.Data, "reclaimCoupons", "reclaims", 0, "coupon", "status") != "RECLAIMED" ||
			dig(r.Data, "reclaimCoupons", "reclaims", 0, "coupon", "balance") != "0.00" {
			t.Fatalf("reclaim: %s", r.Raw)
		}
		if b := balanceOf(t, s, ledger.QuotaBalance(plain)); b.String() != "770.00" {
			t.Fatalf("quota after reclaiming 70.00: %s", b)
		}
		// The same key again answers the same amounts and moves nothing.
		if r := s.post(t, admin, reclaimCouponsQ, map[string]any{"ids": []any{ids[0]}, "k": "rec-1"}); dig(r.Data, "reclaimCoupons", "total") != "70.00" ||
			balanceOf(t, s, ledger.QuotaBalance(plain)).String() != "770.00" {
			t.Fatalf("a replayed reclaim: %s", r.Raw)
		}
		rec := c.CouponRecord.Query().Where(couponrecord.CouponID(gid.ID(ids[0])), couponrecord.TypeEQ(couponrecord.TypeRECLAIMED_BY_HAND)).OnlyX(sys())
		if rec.Amount.String() != "70.00" {
			t.Fatalf("the reclaim's record: %+v", rec)
		}
		// A reclaimed, used-up or expired coupon is refused; a batch with one of them moves nothing.
		c.Coupon.UpdateOneID(gid.ID(ids[1])).SetStatus(coupon.StatusUSED_UP).ExecX(sys())
		r = s.post(t, admin, reclaimCouponsQ, map[string]any{"ids": []any{ids[1], ids[2]}, "k": "rec-2"})
		if dig(r.Data, "reclaimCoupons", "results", 0, "reason") != "COUPON_NOT_USABLE" || dig(r.Data, "reclaimCoupons", "results", 1, "code") != "NOT_ATTEMPTED" ||
			len(dig(r.Data, "reclaimCoupons", "reclaims").([]any)) != 0 {
			t.Fatalf("a batch with a used-up coupon: %s", r.Raw)
		}
		if b := balanceOf(t, s, ledger.CouponBalance(gid.ID(ids[2]))); b.String() != "100.00" {
			t.Fatalf("a refused batch moved a coupon's balance: %s", b)
		}
		c.Coupon.UpdateOneID(gid.ID(ids[1])).SetStatus(coupon.StatusUSABLE).SetValidUntil(time.Now().Add(-time.Minute)).ExecX(sys())
		if r := s.post(t, admin, reclaimCouponsQ, map[string]any{"ids": []any{ids[1]}, "k": "rec-3"}); dig(r.Data, "reclaimCoupons", "results", 0, "reason") != "COUPON_NOT_USABLE" {
			t.Fatalf("reclaiming an expired coupon: %s", r.Raw)
		}
		if r := s.post(t, admin, reclaimCouponsQ, map[string]any{"ids": []any{ids[0]}, "k": "rec-4"}); dig(r.Data, "reclaimCoupons", "results", 0, "reason") != "COUPON_NOT_USABLE" {
			t.Fatalf("reclaiming a reclaimed coupon: %s", r.Raw)
		}
		// The expiry job: the expired coupon's balance returns to the quota with a type 4 record.
		if n, err := ledger.ExpireCoupons(sys(), c, 100); err != nil || n != 1 {
			t.Fatalf("expiry: %d, %v", n, err)
		}
		if got := c.Coupon.GetX(sys(), gid.ID(ids[1])); got.Status != coupon.StatusEXPIRED {
			t.Fatalf("after expiry: %s", got.Status)
		}
		if c.CouponRecord.Query().Where(couponrecord.CouponID(gid.ID(ids[1])), couponrecord.TypeEQ(couponrecord.TypeRECLAIMED_ON_EXPIRY)).CountX(sys()) != 1 ||
			balanceOf(t, s, ledger.QuotaBalance(plain)).String() != "870.00" {
			t.Fatal("the expiry did not return the balance with a type 4 record")
		}

		// The remark never reaches the customer user: its own list and the shared list.
		cust := s.login(t, "customer@example.com")
		r = s.post(t, cust, `{ myCoupons { id remark balance limits { limitKey value } } coupons(first: 50) { edges { node { id remark } } } }`, nil)
		if len(r.Errors) > 0 || strings.Contains(r.Raw, "年末促销") || strings.Contains(r.Raw, "演示备注") || len(dig(r.Data, "myCoupons").([]any)) == 0 {
			t.Fatalf("the customer's coupons: %s", r.Raw)
		}
		if dig(r.Data, "myCoupons", 0, "remark") != nil {
			t.Fatalf("a remark reached the customer: %s", r.Raw)
		}

		// Disassociation reclaims what the partner issued (type 3) back to the quota.
		cu2 := gid.ID(custs[2].(string))
		before2 := balanceOf(t, s, ledger.QuotaBalance(plain))
		r = s.post(t, admin, `mutation($c:ID!){ requestDisassociation(input:{customerID:$c, reason:"test"}){ event { id } userErrors { code } } }`, map[string]any{"c": string(cu2)})
		ev, _ := dig(r.Data, "requestDisassociation", "event", "id").(string)
		if ev == "" {
			t.Fatalf("request: %s", r.Raw)
		}
		u := c.User.Create().SetEmail("cu2@example.com").SetDisplayName("cu2").SetRole(user.RoleCUSTOMER).SetCustomerID(cu2).
			SetPasswordHash(c.User.Query().Where(user.Email("customer@example.com")).OnlyX(sys()).PasswordHash).SaveX(sys())
		r = s.post(t, s.login(t, u.Email), `mutation($e:ID!){ decideDisassociation(input:{eventID:$e, approve:true}){ event { status } userErrors { code message } } }`, map[string]any{"e": ev})
		if dig(r.Data, "decideDisassociation", "event", "status") != "APPROVED" && dig(r.Data, "decideDisassociation", "event", "status") != "DONE" {
			t.Fatalf("decide: %s", r.Raw)
		}
		if got := c.Coupon.GetX(sys(), gid.ID(ids[2])); got.Status != coupon.StatusRECLAIMED {
			t.Fatalf("after disassociation the coupon is %s", got.Status)
		}
		if c.CouponRecord.Query().Where(couponrecord.CouponID(gid.ID(ids[2])), couponrecord.TypeEQ(couponrecord.TypeRECLAIMED_ON_DISASSOCIATION)).CountX(sys()) != 1 {
			t.Fatal("no type 3 record")
		}
		if after := balanceOf(t, s, ledger.QuotaBalance(plain)); after.Sub(before2).String() != "100.00" {
			t.Fatalf("the quota got %s back, not 100.00", after.Sub(before2))
		}
		ledgerTotals(t, s)
	})
}

func TestCashCouponReissue(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		gov := s.login(t, "gov.admin@example.com")
		c := s.DB.Client
		cash := s.quotaOf(t, "Demo Gov Subsidy", couponquota.KindCASH, true)
		wl := c.CustomerWhitelist.Query().Where().AllX(sys())
		var listed []any
		for _, w := range wl {
			if w.PartnerID == s.partnerID(t, "Demo Gov Subsidy") {
				listed = append(listed, string(w.CustomerID))
			}
		}
		others := c.Customer.Query().Where(customer.PartnerID(s.partnerID(t, "Demo Gov Subsidy"))).IDsX(sys())
		var unlisted string
		for _, id := range others {
			if !strings.Contains(fmt.Sprint(listed), string(id)) {
				unlisted = string(id)
			}
		}
		// Off the whitelist: refused.
		r := s.post(t, gov, issueQ, map[string]any{"q": string(cash), "ids": []any{unlisted}, "f": "50.00", "k": "g-0"})
		if dig(r.Data, "issueCoupons", "results", 0, "reason") != "NOT_WHITELISTED" {
			t.Fatalf("issuing off the whitelist: %s", r.Raw)
		}
		r = s.post(t, gov, issueQ, map[string]any{"q": string(cash), "ids": listed[:1], "f": "50.00", "k": "g-1", "d": true})
		id := issued(t, r)
		if len(id) != 1 {
			t.Fatalf("issue a designated cash coupon: %s", r.Raw)
		}
		if r := s.post(t, gov, reclaimCouponsQ, map[string]any{"ids": []any{id[0]}, "k": "g-2"}); dig(r.Data, "reclaimCoupons", "total") != "50.00" {
			t.Fatalf("reclaim: %s", r.Raw)
		}
		reissue := `mutation($c:ID!,$to:ID!,$k:String!){ reissueCoupon(input:{couponID:$c, customerID:$to}, idempotencyKey:$k){ coupon { id balance customer { id } } userErrors { code message } } }`
		if r := s.post(t, gov, reissue, map[string]any{"c": id[0], "to": listed[1], "k": "g-3"}); r.UserError("reissueCoupon") != "DESIGNATED_CUSTOMER" {
			t.Fatalf("re-issuing a designated cash coupon to another customer: %s", r.Raw)
		}
		if r := s.post(t, gov, reissue, map[string]any{"c": id[0], "to": listed[0], "k": "g-4"}); dig(r.Data, "reissueCoupon", "coupon", "balance") != "50.00" {
			t.Fatalf("re-issuing to its customer: %s", r.Raw)
		}
		ledgerTotals(t, s)
	})
}

// TestConcurrentCouponIssues: 20 concurrent batches of 100 vouchers of 10.00 from a quota of
// 15,000.00 issue exactly 1,500 coupons and leave 0.00; one key sent 10 times at once issues once.
func TestConcurrentCouponIssues(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		c := s.DB.Client
		custs := s.resaleCustomers(t, "Demo SP", 100)
		for i := len(custs); i < 100; i++ { // the demo world has fewer: make the rest
			cu := c.Customer.Create().SetAccountName(fmt.Sprintf("bulk_%03d", i)).SetName("批量客户").SetMobile(fmt.Sprintf("0086-1380000%04d", i)).
				SetEmail(fmt.Sprintf("bulk%03d@example.com", i)).SetPartnerID(s.partnerID(t, "Demo SP")).SetAssociationType(customer.AssociationTypeRESALE).
				SetAssociatedAt(time.Now()).SaveX(sys())
			custs = append(custs, string(cu.ID))
		}
		quota := s.grant(t, "Demo SP", couponquota.KindVOUCHER, "15000.00")
		var wg sync.WaitGroup
		ok := make(chan int, 20)
		for i := range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := s.post(t, admin, issueQ, map[string]any{"q": string(quota), "ids": custs, "f": "10.00", "k": fmt.Sprintf("conc-%d", i)})
				if n, _ := dig(r.Data, "issueCoupons", "succeeded").(float64); n == 100 {
					ok <- 1
				} else if dig(r.Data, "issueCoupons", "results", 0, "reason") != "INSUFFICIENT_QUOTA" {
					t.Errorf("batch %d: %s", i, r.Raw)
				}
			}()
		}
		wg.Wait()
		close(ok)
		if len(ok) != 15 {
			t.Fatalf("%d batches succeeded, want 15", len(ok))
		}
		if n := c.Coupon.Query().Where(coupon.QuotaID(quota)).CountX(sys()); n != 1500 {
			t.Fatalf("%d coupons issued, want 1500", n)
		}
		if b := balanceOf(t, s, ledger.QuotaBalance(quota)); !b.IsZero() {
			t.Fatalf("the quota has %s left, want 0.00", b)
		}
		// One key, ten times at once: one batch.
		once := s.grant(t, "Demo SP", couponquota.KindVOUCHER, "5000.00")
		for range 10 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := s.post(t, admin, issueQ, map[string]any{"q": string(once), "ids": custs, "f": "10.00", "k": "same-key"})
				if dig(r.Data, "issueCoupons", "succeeded") != float64(100) {
					t.Errorf("a replay: %s", r.Raw)
				}
			}()
		}
		wg.Wait()
		if n := c.Coupon.Query().Where(coupon.QuotaID(once)).CountX(sys()); n != 100 {
			t.Fatalf("one key sent 10 times issued %d coupons, want 100", n)
		}
		ledgerTotals(t, s)
	})
}

// demoVouchers are the demo world's vouchers of Demo SP (one each for its first three resale
// customers), in customer order.
func (s *testServer) demoVouchers(t *testing.T) []*ent.Coupon {
	t.Helper()
	return s.DB.Client.Coupon.Query().Where(coupon.PartnerID(s.partnerID(t, "Demo SP"))).Order(coupon.ByCustomerID()).AllX(sys())
}

func (s *testServer) recordOf(t *testing.T, couponID gid.ID, typ couponrecord.Type) *ent.CouponRecord {
	t.Helper()
	r, err := s.DB.Client.CouponRecord.Query().Where(couponrecord.CouponID(couponID), couponrecord.TypeEQ(typ)).Only(sys())
	if err != nil {
		t.Fatalf("no %s record of %s: %v", typ, couponID, err)
	}
	return r
}

// TestCouponsReclaimedByTheFlows: an association-type switch (8), a migration to a reseller (9)
// and a customer's full withdrawal (6, cash and pickup coupons only) take coupons back.
func TestCouponsReclaimedByTheFlows(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		c := s.DB.Client
		vs := s.demoVouchers(t)
		if len(vs) != 3 {
			t.Fatalf("the demo world has %d vouchers of Demo SP", len(vs))
		}
		admin := s.login(t, "sp.admin@example.com")
		r := s.post(t, admin, `mutation($c:ID!){ switchAssociationType(input:{customerID:$c, type: ADVISORY}){ customer { associationType } userErrors { code message } } }`, map[string]any{"c": string(vs[0].CustomerID)})
		if dig(r.Data, "switchAssociationType", "customer", "associationType") != "ADVISORY" {
			t.Fatalf("switch: %s", r.Raw)
		}
		if rec := s.recordOf(t, vs[0].ID, couponrecord.TypeRECLAIMED_ON_TYPE_SWITCH); rec.Amount.String() != "200.00" {
			t.Fatalf("type 8 record: %+v", rec)
		}
		east := s.partnerID(t, "Demo Reseller East")
		r = s.post(t, s.login(t, "platform@example.com"), `mutation($ids:[ID!]!,$r:ID!){ migrateCustomers(input:{customerIDs:$ids, resellerID:$r}){ succeeded results { ok reason } } }`,
			map[string]any{"ids": []string{string(vs[1].CustomerID)}, "r": string(east)})
		if dig(r.Data, "migrateCustomers", "succeeded") != float64(1) {
			t.Fatalf("migration: %s", r.Raw)
		}
		s.recordOf(t, vs[1].ID, couponrecord.TypeRECLAIMED_ON_TRANSFER_TO_RESELLER)
		if got := c.Coupon.GetX(sys(), vs[2].ID); got.Status != coupon.StatusUSABLE {
			t.Fatalf("an untouched customer's voucher is %s", got.Status)
		}

		// A government-subsidy customer with a cash coupon and a voucher withdraws its whole own
		// balance: the cash coupon goes back to the quota, the voucher stays.
		gov := s.login(t, "gov.admin@example.com")
		wl := c.CustomerWhitelist.Query().Where(customerwhitelist.PartnerID(s.partnerID(t, "Demo Gov Subsidy"))).FirstX(sys())
		cash := s.quotaOf(t, "Demo Gov Subsidy", couponquota.KindCASH, true)
		voucher := s.quotaOf(t, "Demo Gov Subsidy", couponquota.KindVOUCHER, false)
		cashIDs := issued(t, s.post(t, gov, issueQ, map[string]any{"q": string(cash), "ids": []any{string(wl.CustomerID)}, "f": "40.00", "k": "w-cash"}))
		voucherIDs := issued(t, s.post(t, gov, issueQ, map[string]any{"q": string(voucher), "ids": []any{string(wl.CustomerID)}, "f": "40.00", "k": "w-voucher"}))
		if len(cashIDs) != 1 || len(voucherIDs) != 1 {
			t.Fatal("issuing to a whitelisted customer failed")
		}
		if r := s.post(t, s.login(t, "platform@example.com"), `mutation($c:ID!){ recordCustomerRecharge(input:{customerID:$c, amount:"10.00"}, idempotencyKey:"own"){ journal { id } } }`,
			map[string]any{"c": string(wl.CustomerID)}); dig(r.Data, "recordCustomerRecharge", "journal") == nil {
			t.Fatalf("recharge: %s", r.Raw)
		}
		u := c.User.Create().SetEmail("gc@example.com").SetDisplayName("gc").SetRole(user.RoleCUSTOMER).SetCustomerID(wl.CustomerID).
			SetPasswordHash(c.User.Query().Where(user.Email("customer@example.com")).OnlyX(sys()).PasswordHash).SaveX(sys())
		own := s.login(t, u.Email)
		withdraw := `mutation($a:Decimal!,$k:String!){ withdrawBalance(input:{amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`
		s.post(t, own, withdraw, map[string]any{"a": "4.00", "k": "w1"})
		if got := c.Coupon.GetX(sys(), gid.ID(cashIDs[0])); got.Status != coupon.StatusUSABLE {
			t.Fatalf("a partial withdrawal revoked the cash coupon (%s)", got.Status)
		}
		s.post(t, own, withdraw, map[string]any{"a": "6.00", "k": "w2"})
		if rec := s.recordOf(t, gid.ID(cashIDs[0]), couponrecord.TypeREVOKED_ON_RECHARGE_REFUND); rec.Amount.String() != "40.00" {
			t.Fatalf("type 6 record: %+v", rec)
		}
		if got := c.Coupon.GetX(sys(), gid.ID(voucherIDs[0])); got.Status != coupon.StatusUSABLE {
			t.Fatalf("the full withdrawal took the voucher too (%s)", got.Status)
		}
		if b := balanceOf(t, s, ledger.QuotaBalance(cash)); b.String() != "30000.00" {
			t.Fatalf("the cash quota after the revocation: %s", b)
		}
		ledgerTotals(t, s)
	})
}

// TestResellerQuotas: a distributor passes quota to two resellers (answered per reseller), each
// reseller sees only its own, and a reclaim answers what was actually left.
func TestResellerQuotas(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		dist := s.login(t, "dist.admin@example.com")
		src := s.quotaOf(t, "Demo Distributor", couponquota.KindVOUCHER, false)
		east, west := s.partnerID(t, "Demo Reseller East"), s.partnerID(t, "Demo Reseller West")
		q := `mutation($q:ID!,$ids:[ID!]!,$k:String!){ issueQuotaToResellers(input:{quotaID:$q, resellerIDs:$ids, value:"1000.00"}, idempotencyKey:$k){
			succeeded quotas { id partnerID balance parent { id } } results { id ok code reason } userErrors { code } } }`
		r := s.post(t, dist, q, map[string]any{"q": string(src), "ids": []any{string(east), string(s.partnerID(t, "Demo SP"))}, "k": "rq-1"})
		if dig(r.Data, "issueQuotaToResellers", "results", 1, "code") != "NOT_FOUND" || dig(r.Data, "issueQuotaToResellers", "results", 0, "code") != "NOT_ATTEMPTED" {
			t.Fatalf("a partner that is not a reseller of the distributor: %s", r.Raw)
		}
		r = s.post(t, dist, q, map[string]any{"q": string(src), "ids": []any{string(east), string(west)}, "k": "rq-2"})
		if dig(r.Data, "issueQuotaToResellers", "succeeded") != float64(2) || dig(r.Data, "issueQuotaToResellers", "quotas", 0, "parent", "id") != string(src) {
			t.Fatalf("quota to resellers: %s", r.Raw)
		}
		westQuota := dig(r.Data, "issueQuotaToResellers", "quotas", 1, "id").(string)
		if b := balanceOf(t, s, ledger.QuotaBalance(src)); b.String() != "98000.00" {
			t.Fatalf("the distributor's quota after 2 x 1000.00: %s", b)
		}
		list := `{ couponQuotas(first: 50) { edges { node { id partnerID } } } couponRecords(first: 50) { edges { node { type partnerID } } } }`
		for tok, want := range map[string]gid.ID{s.login(t, "reseller.admin@example.com"): east, s.login(t, "reseller.west@example.com"): west} {
			r := s.post(t, tok, list, nil)
			for _, e := range dig(r.Data, "couponQuotas", "edges").([]any) {
				if dig(e, "node", "partnerID") != string(want) {
					t.Fatalf("a reseller sees another's quota: %s", r.Raw)
				}
			}
			if len(dig(r.Data, "couponQuotas", "edges").([]any)) != 1 || strings.Contains(r.Raw, string(s.partnerID(t, "Demo Distributor"))) {
				t.Fatalf("a reseller's quotas and records: %s", r.Raw)
			}
		}
		r = s.post(t, dist, list, nil)
		if len(dig(r.Data, "couponQuotas", "edges").([]any)) != 3 || !strings.Contains(r.Raw, string(west)) {
			t.Fatalf("the distributor sees its resellers' quotas: %s", r.Raw)
		}
		// West issues 100.00 of it; the reclaim takes back the 900.00 left.
		cu := s.demoCustomer(t, "Demo Reseller West", customer.AssociationTypeRESALE, false)
		westCoupons := issued(t, s.post(t, s.login(t, "reseller.west@example.com"), issueQ, map[string]any{"q": westQuota, "ids": []any{string(cu.ID)}, "f": "100.00", "k": "w-iss"}))
		if len(westCoupons) != 1 {
			t.Fatal("the reseller could not issue out of its quota")
		}
		rq := `mutation($q:ID!,$k:String!){ reclaimResellerQuota(input:{quotaID:$q}, idempotencyKey:$k){ reclaimed quota { status balance } userErrors { code } } }`
		r = s.post(t, dist, rq, map[string]any{"q": westQuota, "k": "rr-1"})
		if dig(r.Data, "reclaimResellerQuota", "reclaimed") != "900.00" || dig(r.Data, "reclaimResellerQuota", "quota", "status") != "RECLAIMED" {
			t.Fatalf("reclaim: %s", r.Raw)
		}
		if r := s.post(t, dist, rq, map[string]any{"q": westQuota, "k": "rr-1"}); dig(r.Data, "reclaimResellerQuota", "reclaimed") != "900.00" {
			t.Fatalf("a replayed reclaim: %s", r.Raw)
		}
		if r := s.post(t, dist, rq, map[string]any{"q": westQuota, "k": "rr-2"}); r.UserError("reclaimResellerQuota") != "ALREADY_RECLAIMED" {
			t.Fatalf("a second reclaim: %s", r.Raw)
		}
		if r := s.post(t, s.login(t, "reseller.admin@example.com"), rq, map[string]any{"q": westQuota, "k": "rr-3"}); r.Code() != "FORBIDDEN" {
			t.Fatalf("a reseller reclaiming: %s", r.Raw)
		}
		if b := balanceOf(t, s, ledger.QuotaBalance(src)); b.String() != "98900.00" {
			t.Fatalf("the distributor's quota after the reclaim: %s", b)
		}
		// West reclaims its coupon afterwards: the 100.00 returns to its reclaimed quota, and the
		// distributor takes it back by reclaiming the quota again.
		if r := s.post(t, s.login(t, "reseller.west@example.com"), reclaimCouponsQ, map[string]any{"ids": []any{westCoupons[0]}, "k": "w-rec"}); dig(r.Data, "reclaimCoupons", "total") != "100.00" {
			t.Fatalf("the reseller reclaiming its coupon: %s", r.Raw)
		}
		if r := s.post(t, dist, rq, map[string]any{"q": westQuota, "k": "rr-4"}); dig(r.Data, "reclaimResellerQuota", "reclaimed") != "100.00" {
			t.Fatalf("reclaiming what came back: %s", r.Raw)
		}
		if b := balanceOf(t, s, ledger.QuotaBalance(src)); b.String() != "99000.00" {
			t.Fatalf("the distributor's quota after the second reclaim: %s", b)
		}
		ledgerTotals(t, s)
	})
}

// TestCouponListStatements: coupon and quota lists with their nested fields cost no more
// statements for 30 rows than for 2. (The loaders batch by a 2 ms window: under load the lookups
// of one request may fall into two batches, so the test takes the fewest of three tries.)
func TestCouponListStatements(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		quota := s.grant(t, "Demo SP", couponquota.KindVOUCHER, "1000.00")
		if ids := issued(t, s.post(t, admin, issueQ, map[string]any{"q": string(quota), "ids": s.resaleCustomers(t, "Demo SP", 30), "f": "1.00", "k": "many"})); len(ids) != 30 {
			t.Fatal("issue failed")
		}
		for i := range 4 {
			s.grant(t, "Demo SP", couponquota.KindVOUCHER, fmt.Sprintf("%d.00", 10+i))
		}
		q := `query($n:Int!){ coupons(first:$n) { edges { node { id balance remark issuerName customer { id accountName } quota { id balance } limits { limitKey value } } } }
			couponQuotas(first:$n) { edges { node { id balance partnerName limits { limitKey } records(first: 3) { type amount customerName } } } }
			couponRecords(first:$n) { edges { node { id type amount customerName } } } }`
		counts := map[int]int{}
		for _, n := range []int{2, 30} {
			for range 3 { // the fewest of three: a batch split by timing is not growth
				s.Counter.Reset()
				r := s.post(t, admin, q, map[string]any{"n": n})
				if len(r.Errors) > 0 || len(dig(r.Data, "coupons", "edges").([]any)) != n {
					t.Fatalf("first %d: %s", n, r.Raw)
				}
				if c := s.Counter.Count(); counts[n] == 0 || c < counts[n] {
					counts[n] = c
				}
			}
		}
		if counts[30] > counts[2]+1 || counts[30] > 14 {
			t.Fatalf("statements grow with rows: 2 -> %d, 30 -> %d\n%s", counts[2], counts[30], strings.Join(s.Counter.Statements(), "\n"))
		}
		t.Logf("%s: %d statements for 2 rows, %d for 30", engine, counts[2], counts[30])
	})
}
