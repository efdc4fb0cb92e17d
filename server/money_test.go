package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/idempotencyrecord"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

const allocQ = `mutation($c:ID!,$a:Decimal!,$k:String!,$v:String){ allocateBalance(input:{customerID:$c, amount:$a, verificationCode:$v}, idempotencyKey:$k){ journal { id kind amount transactionNo } userErrors { field code message } } }`
const reclaimQ = `mutation($c:ID!,$a:Decimal!,$k:String!){ reclaimBalance(input:{customerID:$c, amount:$a}, idempotencyKey:$k){ journal { id amount } userErrors { code message } } }`

// ledgerTotals checks the ledger's invariants: all balances sum to zero (double entry: what
// entered from EXTERNAL is somewhere), none is negative but EXTERNAL's, every journal sums to
// zero, and each account's balance equals the sum of its entries.
func ledgerTotals(t *testing.T, s *testServer) {
	t.Helper()
	c := s.DB.Client
	total := money.Zero
	for _, a := range c.Account.Query().AllX(sys()) {
		total = total.Add(a.Balance)
		if a.Balance.IsNegative() && a.Kind != account.KindEXTERNAL {
			t.Fatalf("account %s is negative: %s", a.ID, a.Balance)
		}
		sum := money.Zero
		for _, e := range a.QueryEntries().AllX(sys()) {
			sum = sum.Add(e.Amount)
		}
		if sum.Cmp(a.Balance) != 0 {
			t.Fatalf("account %s: balance %s but entries sum to %s", a.ID, a.Balance, sum)
		}
	}
	if !total.IsZero() {
		t.Fatalf("the accounts sum to %s, not 0.00", total)
	}
	for _, j := range c.Journal.Query().WithEntries().AllX(sys()) {
		sum := money.Zero
		for _, e := range j.Edges.Entries {
			sum = sum.Add(e.Amount)
		}
		if !sum.IsZero() || len(j.Edges.Entries) < 2 {
			t.Fatalf("journal %s sums to %s over %d entries", j.ID, sum, len(j.Edges.Entries))
		}
	}
}

func balanceOf(t *testing.T, s *testServer, o ledger.Owner) money.Money {
	t.Helper()
	return s.DB.Client.Account.Query().Where(account.OwnerKey(o.Key())).OnlyX(sys()).Balance
}

func TestAllocateReclaimAndRefusals(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		sp := s.DB.Client.Partner.Query().Where(partner.Name("Demo SP")).OnlyX(sys())
		resale := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false)
		advisory := s.demoCustomer(t, "Demo SP", customer.AssociationTypeADVISORY, false)
		before := balanceOf(t, s, ledger.PartnerCash(sp.ID))
		alloc0 := balanceOf(t, s, ledger.CustomerAllocated(resale.ID))

		r := s.post(t, admin, allocQ, map[string]any{"c": string(resale.ID), "a": "123.45", "k": "k-1"})
		if dig(r.Data, "allocateBalance", "journal", "amount") != "123.45" || dig(r.Data, "allocateBalance", "journal", "kind") != "ALLOCATE" {
			t.Fatalf("allocate: %s", r.Raw)
		}
		if got := balanceOf(t, s, ledger.PartnerCash(sp.ID)); got.Cmp(before.Sub(money.MustParse("123.45"))) != 0 {
			t.Fatalf("partner balance %s, want %s - 123.45", got, before)
		}
		// The same key and arguments: the first answer again, no second effect.
		r2 := s.post(t, admin, allocQ, map[string]any{"c": string(resale.ID), "a": "123.45", "k": "k-1"})
		if dig(r2.Data, "allocateBalance", "journal", "id") != dig(r.Data, "allocateBalance", "journal", "id") {
			t.Fatalf("replay returned another journal: %s vs %s", r2.Raw, r.Raw)
		}
		if got := balanceOf(t, s, ledger.CustomerAllocated(resale.ID)); got.Cmp(alloc0.Add(money.MustParse("123.45"))) != 0 {
			t.Fatalf("replay moved money again: %s", got)
		}
		// The same key with other arguments: CONFLICT.
		r = s.post(t, admin, allocQ, map[string]any{"c": string(resale.ID), "a": "1.00", "k": "k-1"})
		if dig(r.Data, "allocateBalance", "userErrors", 0, "code") != "KEY_REUSED" {
			t.Fatalf("key reused with other arguments: %s", r.Raw)
		}
		// The key is claimed by the statement that reads the customer (on PostgreSQL): a used key
		// with a customer the admin cannot see is still KEY_REUSED, a fresh key with one is
		// NOT_FOUND and stays unspent.
		other := s.demoCustomer(t, "Other SP", customer.AssociationTypeRESALE, false)
		r = s.post(t, admin, allocQ, map[string]any{"c": string(other.ID), "a": "123.45", "k": "k-1"})
		if dig(r.Data, "allocateBalance", "userErrors", 0, "code") != "KEY_REUSED" {
			t.Fatalf("used key, invisible customer: %s", r.Raw)
		}
		r = s.post(t, admin, allocQ, map[string]any{"c": string(other.ID), "a": "1.00", "k": "k-fresh"})
		if r.Code() != "NOT_FOUND" {
			t.Fatalf("fresh key, invisible customer: %s", r.Raw)
		}
		r = s.post(t, admin, reclaimQ, map[string]any{"c": string(resale.ID), "a": "1.00", "k": "k-fresh"})
		if dig(r.Data, "reclaimBalance", "journal", "amount") != "1.00" {
			t.Fatalf("the key refused with NOT_FOUND should be free: %s", r.Raw)
		}
		refusals := []struct {
			name, q, code string
			vars          map[string]any
		}{
			{"advisory customer", allocQ, "ADVISORY_CUSTOMER", map[string]any{"c": string(advisory.ID), "a": "1.00", "k": "k-adv"}},
			{"insufficient balance", allocQ, "INSUFFICIENT_BALANCE", map[string]any{"c": string(resale.ID), "a": "99999999.00", "k": "k-big"}},
			{"over-reclaim", reclaimQ, "OVER_RECLAIM", map[string]any{"c": string(resale.ID), "a": "99999.00", "k": "k-over"}},
			{"negative amount", allocQ, "BAD_USER_INPUT", map[string]any{"c": string(resale.ID), "a": "-1.00", "k": "k-neg"}},
			{"zero amount", allocQ, "BAD_USER_INPUT", map[string]any{"c": string(resale.ID), "a": "0", "k": "k-zero"}},
		}
		for _, rf := range refusals {
			r := s.post(t, admin, rf.q, rf.vars)
			payload := dig(r.Data, strings.TrimSuffix(strings.SplitN(strings.SplitN(rf.q, "{ ", 2)[1], "(", 2)[0], " "))
			if dig(payload, "userErrors", 0, "code") != rf.code || dig(payload, "journal") != nil {
				t.Fatalf("%s: want %s, got %s", rf.name, rf.code, r.Raw)
			}
		}
		// Three decimals never reach the ledger: the Decimal scalar refuses it.
		r = s.post(t, admin, allocQ, map[string]any{"c": string(resale.ID), "a": "1.005", "k": "k-3dp"})
		if r.Code() != "BAD_USER_INPUT" && r.Code() != "GRAPHQL_VALIDATION_FAILED" || !strings.Contains(r.Raw, "2 decimal") {
			t.Fatalf("3 decimals: %s", r.Raw)
		}
		// A missing key.
		r = s.post(t, admin, allocQ, map[string]any{"c": string(resale.ID), "a": "1.00", "k": ""})
		if dig(r.Data, "allocateBalance", "userErrors", 0, "field", 0) != "idempotencyKey" || len(dig(r.Data, "allocateBalance", "userErrors", 0, "field").([]any)) != 1 {
			t.Fatalf("empty key: %s", r.Raw)
		}
		// Managers and other partners cannot move Demo SP's money.
		if r := s.post(t, s.login(t, "sp.manager@example.com"), allocQ, map[string]any{"c": string(resale.ID), "a": "1.00", "k": "m-1"}); r.Code() != "FORBIDDEN" && r.Code() != "NOT_FOUND" {
			t.Fatalf("manager allocating: %s", r.Raw)
		}
		if r := s.post(t, s.login(t, "other.admin@example.com"), allocQ, map[string]any{"c": string(resale.ID), "a": "1.00", "k": "o-1"}); r.Code() != "NOT_FOUND" {
			t.Fatalf("other partner allocating: %s", r.Raw)
		}
		// Reclaim within the allocation works.
		r = s.post(t, admin, reclaimQ, map[string]any{"c": string(resale.ID), "a": "23.45", "k": "r-1"})
		if dig(r.Data, "reclaimBalance", "journal", "amount") != "23.45" {
			t.Fatalf("reclaim: %s", r.Raw)
		}
		// Every operation and refusal is in the audit log.
		r = s.post(t, admin, `{ auditLogs(first: 50, where:{actionIn:[ALLOCATE, RECLAIM]}) { edges { node { action outcome } } } }`, nil)
		if !strings.Contains(r.Raw, `"action":"ALLOCATE","outcome":"ALLOWED"`) || !strings.Contains(r.Raw, `"action":"ALLOCATE","outcome":"DENIED"`) || !strings.Contains(r.Raw, `"action":"RECLAIM","outcome":"ALLOWED"`) {
			t.Fatalf("audit of money operations: %s", r.Raw)
		}
		// Records and statement are queryable with filters.
		r = s.post(t, admin, `query($c:ID!){ journals(first: 10, where:{customerID:$c, kindIn:[ALLOCATE, RECLAIM]}) { totalCount } viewer { partner { account { balance entries(first: 3, orderBy:{field: CREATED_AT, direction: DESC}) { totalCount edges { node { amount balanceAfter journal { kind transactionNo } } } } } } } }`, map[string]any{"c": string(resale.ID)})
		if dig(r.Data, "journals", "totalCount").(float64) < 2 || dig(r.Data, "viewer", "partner", "account", "entries", "edges", 0, "node", "journal", "kind") != "RECLAIM" {
			t.Fatalf("records and statement: %s", r.Raw)
		}
		// A where-filter on a nested connection (read by entgql's field collection through the
		// operation's input unmarshalers, which are built only when a "where" is in the text).
		r = s.post(t, admin, `{ accounts(first: 1, where:{kind: PARTNER_CASH}) { edges { node { all: entries(first: 50) { totalCount } reclaims: entries(first: 50, where:{hasJournalWith:[{kind: RECLAIM}]}) { totalCount edges { node { journal { kind } } } } } } } }`, nil)
		all, _ := dig(r.Data, "accounts", "edges", 0, "node", "all", "totalCount").(float64)
		reclaims, _ := dig(r.Data, "accounts", "edges", 0, "node", "reclaims", "totalCount").(float64)
		if len(r.Errors) > 0 || reclaims < 1 || reclaims >= all || strings.Contains(r.Raw, `"kind":"ALLOCATE"`) {
			t.Fatalf("nested where-filter: %s", r.Raw)
		}
		// The database itself refuses to change entries.
		if _, err := s.DB.SQL.Exec(`UPDATE ledger_entries SET amount = 0`); err == nil {
			t.Fatal("UPDATE on ledger_entries was allowed")
		}
		if _, err := s.DB.SQL.Exec(`DELETE FROM journals`); err == nil {
			t.Fatal("DELETE on journals was allowed")
		}
		if _, err := s.DB.SQL.Exec(`UPDATE accounts SET balance = -1 WHERE kind = 'PARTNER_CASH'`); err == nil {
			t.Fatal("a negative balance was allowed")
		}
		ledgerTotals(t, s)
		// The answer's journal reads on after the operation's transaction: its two entries.
		re := s.post(t, admin, `mutation($c:ID!){ allocateBalance(input:{customerID:$c, amount:"0.05"}, idempotencyKey:"k-entries"){ journal { entries { amount } } userErrors { code } } }`, map[string]any{"c": string(resale.ID)})
		if entries, _ := dig(re.Data, "allocateBalance", "journal", "entries").([]any); len(re.Errors) > 0 || len(entries) != 2 {
			t.Fatalf("journal entries in the answer: %s", re.Raw)
		}
	})
}

func TestBatchAllocate(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		ids := s.DB.Client.Customer.Query().Where(customer.HasPartnerWith(partner.Name("Demo SP")), customer.AssociationTypeEQ(customer.AssociationTypeRESALE)).Limit(5).IDsX(sys())
		advisory := s.demoCustomer(t, "Demo SP", customer.AssociationTypeADVISORY, false)
		q := `mutation($ids:[ID!]!,$k:String!){ batchAllocateBalance(input:{customerIDs:$ids, amount:"10.00"}, idempotencyKey:$k){ succeeded failed journals { id } results { id ok code reason message } userErrors { code } } }`
		journals0 := s.DB.Client.Journal.Query().CountX(sys())
		bad := append(append([]any{}, toAny(ids)...), string(advisory.ID))
		r := s.post(t, admin, q, map[string]any{"ids": bad, "k": "b-1"})
		if dig(r.Data, "batchAllocateBalance", "failed") != float64(6) || dig(r.Data, "batchAllocateBalance", "results", 5, "reason") != "ADVISORY_CUSTOMER" ||
			dig(r.Data, "batchAllocateBalance", "results", 0, "code") != "NOT_ATTEMPTED" || dig(r.Data, "batchAllocateBalance", "userErrors", 0, "code") != "BATCH_REFUSED" {
			t.Fatalf("batch with a bad target: %s", r.Raw)
		}
		if n := s.DB.Client.Journal.Query().CountX(sys()); n != journals0 {
			t.Fatalf("a refused batch moved money: %d journals, was %d", n, journals0)
		}
		// The key stays free after a refusal; the corrected batch succeeds under a new key.
		r = s.post(t, admin, q, map[string]any{"ids": toAny(ids), "k": "b-2"})
		if dig(r.Data, "batchAllocateBalance", "succeeded") != float64(5) || len(dig(r.Data, "batchAllocateBalance", "journals").([]any)) != 5 {
			t.Fatalf("batch: %s", r.Raw)
		}
		many := make([]any, 101)
		for i := range many {
			many[i] = string(ids[0])
		}
		if r := s.post(t, admin, q, map[string]any{"ids": many, "k": "b-3"}); dig(r.Data, "batchAllocateBalance", "userErrors", 0, "code") != "BAD_USER_INPUT" {
			t.Fatalf("101 targets: %s", r.Raw)
		}
		ledgerTotals(t, s)
	})
}

func toAny[T ~string](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}

// TestConcurrentReclaims: 100.00 allocated, 50 concurrent reclaims of 10.00: exactly 10 succeed.
func TestConcurrentReclaims(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		cu := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false)
		have := balanceOf(t, s, ledger.CustomerAllocated(cu.ID))
		if have.IsPositive() {
			r := s.post(t, admin, reclaimQ, map[string]any{"c": string(cu.ID), "a": have.String(), "k": "empty"})
			if len(r.Errors) > 0 || dig(r.Data, "reclaimBalance", "journal") == nil {
				t.Fatalf("emptying: %s", r.Raw)
			}
		}
		if r := s.post(t, admin, allocQ, map[string]any{"c": string(cu.ID), "a": "100.00", "k": "fill"}); dig(r.Data, "allocateBalance", "journal") == nil {
			t.Fatalf("allocate 100: %s", r.Raw)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok, over, other := 0, 0, []string{}
		for i := 0; i < 50; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				r := s.post(t, admin, reclaimQ, map[string]any{"c": string(cu.ID), "a": "10.00", "k": fmt.Sprintf("c-%d", i)})
				mu.Lock()
				defer mu.Unlock()
				switch {
				case dig(r.Data, "reclaimBalance", "journal") != nil:
					ok++
				case dig(r.Data, "reclaimBalance", "userErrors", 0, "code") == "OVER_RECLAIM":
					over++
				default:
					other = append(other, r.Raw)
				}
			}(i)
		}
		wg.Wait()
		if ok != 10 || over != 40 || len(other) > 0 {
			t.Fatalf("50 concurrent reclaims of 10.00 from 100.00: %d succeeded, %d over-reclaim, others %v", ok, over, other)
		}
		if b := balanceOf(t, s, ledger.CustomerAllocated(cu.ID)); !b.IsZero() {
			t.Fatalf("left %s", b)
		}
		// Concurrent requests with one key: one effect.
		before := s.DB.Client.Journal.Query().Where(journal.CustomerID(cu.ID)).CountX(sys())
		for i := 0; i < 10; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				s.post(t, admin, allocQ, map[string]any{"c": string(cu.ID), "a": "1.00", "k": "same-key"})
			}()
		}
		wg.Wait()
		if n := s.DB.Client.Journal.Query().Where(journal.CustomerID(cu.ID)).CountX(sys()) - before; n != 1 {
			t.Fatalf("10 concurrent requests with one key made %d journals", n)
		}
		ledgerTotals(t, s)
	})
}

// TestPostingStatements: an allocation or reclaim is the one general path on both databases: the
// claim of its key (storing the planned outcome), the customer read through the viewer's privacy
// rule, the accounts locked in ID order, the journal, its entries, the balances and the audit
// record; a batch of
// ten is no more statements than a batch of one. Over-reclaim is refused with the balance, and a
// distributor moves its reseller's customer's money acting for the reseller.
func TestPostingStatements(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		sp := s.DB.Client.Partner.Query().Where(partner.Name("Demo SP")).OnlyX(sys())
		cu := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false)
		cash0, alloc0 := balanceOf(t, s, ledger.PartnerCash(sp.ID)), balanceOf(t, s, ledger.CustomerAllocated(cu.ID))

		s.Counter.Reset()
		r := s.post(t, admin, allocQ, map[string]any{"c": string(cu.ID), "a": "7.25", "k": "once-1"})
		if dig(r.Data, "allocateBalance", "journal", "amount") != "7.25" {
			t.Fatalf("allocate: %s", r.Raw)
		}
		want := []string{`INSERT INTO "idempotency_records"`, `SELECT "customers"."id", "customers"."partner_id", "customers"."association_type" FROM "customers" WHERE "customers"."id" IN (`,
			`SELECT "accounts"."id", "accounts"."kind", "accounts"."owner_key", "accounts"."balance" FROM "accounts"`, `INSERT INTO "journals"`,
			`INSERT INTO "ledger_entries"`, `UPDATE "accounts" SET`, `INSERT INTO "audit_logs"`}
		posting := postingStatements(s.Counter.Statements())
		if len(posting) != len(want) {
			t.Fatalf("an allocation made %d statements, want %d:\n%s", len(posting), len(want), strings.Join(posting, "\n"))
		}
		for i, w := range want {
			if !strings.HasPrefix(posting[i], w) {
				t.Fatalf("statement %d of an allocation:\n%s\nwant it to begin %s", i+1, posting[i], w)
			}
		}
		if !strings.Contains(posting[1], `AND "customers"."partner_id" IN (`) {
			t.Fatalf("the customer is read through the viewer's privacy rule:\n%s", posting[1])
		}
		if engine == "postgres" && (!strings.HasSuffix(posting[1], "FOR SHARE") || !strings.HasSuffix(posting[2], `ORDER BY "accounts"."id" ASC FOR UPDATE`)) {
			t.Fatalf("the customer is share-locked and the accounts locked in ID order:\n%s\n%s", posting[1], posting[2])
		}
		r = s.post(t, admin, reclaimQ, map[string]any{"c": string(cu.ID), "a": "0.25", "k": "once-2"})
		if dig(r.Data, "reclaimBalance", "journal", "amount") != "0.25" {
			t.Fatalf("reclaim: %s", r.Raw)
		}
		if got := balanceOf(t, s, ledger.PartnerCash(sp.ID)); got.Cmp(cash0.Sub(money.MustParse("7.00"))) != 0 {
			t.Fatalf("partner balance %s, want %s - 7.00", got, cash0)
		}
		alloc := balanceOf(t, s, ledger.CustomerAllocated(cu.ID))
		if alloc.Cmp(alloc0.Add(money.MustParse("7.00"))) != 0 {
			t.Fatalf("customer balance %s, want %s + 7.00", alloc, alloc0)
		}
		j := s.DB.Client.Journal.Query().Where(journal.IdempotencyKey("once-1")).WithEntries().OnlyX(sys())
		if j.PartnerID == nil || *j.PartnerID != sp.ID || j.OperatorID == nil || len(j.Edges.Entries) != 2 {
			t.Fatalf("journal %+v", j)
		}
		for _, e := range j.Edges.Entries { // balance after: what the account held once this entry was applied
			if e.Amount.IsPositive() && e.BalanceAfter.Cmp(alloc0.Add(money.MustParse("7.25"))) != 0 ||
				e.Amount.IsNegative() && e.BalanceAfter.Cmp(cash0.Sub(money.MustParse("7.25"))) != 0 {
				t.Fatalf("entry %s: amount %s, balance after %s", e.ID, e.Amount, e.BalanceAfter)
			}
		}
		if n := s.DB.Client.AuditLog.Query().Where(auditlog.TargetID(cu.ID), auditlog.ActionEQ(auditlog.ActionALLOCATE), auditlog.DetailContains(j.TransactionNo)).CountX(sys()); n != 1 {
			t.Fatalf("%d audit records of the allocation", n)
		}
		// The same key again: the first answer, from the key's record, and nothing moves.
		r2 := s.post(t, admin, allocQ, map[string]any{"c": string(cu.ID), "a": "7.25", "k": "once-1"})
		if dig(r2.Data, "allocateBalance", "journal", "id") != string(j.ID) || balanceOf(t, s, ledger.CustomerAllocated(cu.ID)).Cmp(alloc) != 0 {
			t.Fatalf("replay: %s", r2.Raw)
		}
		// Over-reclaim: refused with the balance, and the key stays free.
		r = s.post(t, admin, reclaimQ, map[string]any{"c": string(cu.ID), "a": alloc.Add(money.MustParse("0.01")).String(), "k": "once-3"})
		if dig(r.Data, "reclaimBalance", "userErrors", 0, "code") != "OVER_RECLAIM" || !strings.Contains(r.Raw, "("+alloc.String()+")") {
			t.Fatalf("over-reclaim: %s", r.Raw)
		}
		if s.DB.Client.IdempotencyRecord.Query().Where(idempotencyrecord.Key("once-3")).ExistX(sys()) {
			t.Fatal("a refused reclaim kept its key")
		}
		// A batch of ten is as many statements as a batch of one.
		var ids []string
		for _, x := range s.DB.Client.Customer.Query().Where(customer.PartnerID(sp.ID), customer.AssociationTypeEQ(customer.AssociationTypeRESALE)).Limit(10).AllX(sys()) {
			ids = append(ids, string(x.ID))
		}
		counts := []int{}
		for i, batch := range [][]string{ids[:1], ids} {
			s.Counter.Reset()
			r = s.post(t, admin, `mutation($ids:[ID!]!,$k:String!){ batchAllocateBalance(input:{customerIDs:$ids, amount:"1.00"}, idempotencyKey:$k){ userErrors{code} journals{id} } }`,
				map[string]any{"ids": batch, "k": fmt.Sprintf("batch-%d", i)})
			if n, _ := dig(r.Data, "batchAllocateBalance", "journals").([]any); len(n) != len(batch) {
				t.Fatalf("batch of %d: %s", len(batch), r.Raw)
			}
			counts = append(counts, len(postingStatements(s.Counter.Statements())))
		}
		if counts[0] != counts[1] {
			t.Fatalf("a batch of 1 made %d statements, a batch of 10 %d", counts[0], counts[1])
		}
		// A distributor's admin moving money of its reseller's customer, acting for the reseller.
		east := s.DB.Client.Partner.Query().Where(partner.Name("Demo Reseller East")).OnlyX(sys())
		ec, err := s.DB.Client.Customer.Query().Where(customer.PartnerID(east.ID), customer.AssociationTypeEQ(customer.AssociationTypeRESALE)).First(sys())
		if err != nil {
			t.Fatalf("no resale customer of Demo Reseller East: %v", err)
		}
		dist := s.login(t, "dist.admin@example.com")
		r = s.post(t, dist, allocQ, map[string]any{"c": string(ec.ID), "a": "1.00", "k": "once-4"})
		if dig(r.Data, "allocateBalance", "journal", "amount") != "1.00" {
			t.Fatalf("distributor for its reseller: %s", r.Raw)
		}
		dj := s.DB.Client.Journal.Query().Where(journal.IdempotencyKey("once-4")).OnlyX(sys())
		if dj.PartnerID == nil || *dj.PartnerID != east.ID || dj.ActingForID == nil || *dj.ActingForID != east.ID {
			t.Fatalf("journal of a distributor acting for its reseller: %+v", dj)
		}
		ledgerTotals(t, s)
	})
}

// postingStatements are the statements of a request from its money transaction's first (the
// claim of its key, which stores the planned outcome) to its last (the audit record), leaving out
// the authentication before and the answer's reads after.
func postingStatements(st []string) []string {
	first, last := -1, -1
	for i, q := range st {
		q = strings.ReplaceAll(q, "`", `"`) // SQLite's quotes
		st[i] = q
		if first < 0 && strings.HasPrefix(q, `INSERT INTO "idempotency_records"`) {
			first = i
		}
		if strings.HasPrefix(q, `INSERT INTO "audit_logs"`) {
			last = i
		}
	}
	if first < 0 || last < first {
		return st
	}
	return st[first : last+1]
}

func TestMoneyNeedsVerificationWhenRequired(t *testing.T) {
	clock := &fakeClock{t: time.Now()}
	stepup.Now = clock.now
	t.Cleanup(func() { stepup.Now = time.Now })
	s := newTestServer(t, "postgres")
	admin := s.login(t, "sp.admin@example.com")
	_, code := s.enrollAuthenticator(t, admin, clock)
	// Turned on through the API: the next request reads the setting with its viewer.
	r := s.post(t, admin, `mutation($c:String!){ setStepUpRequired(required: true, verificationCode: $c){ partner { requireStepUp } } }`, map[string]any{"c": code()})
	if dig(r.Data, "setStepUpRequired", "partner", "requireStepUp") != true {
		t.Fatalf("turning step-up on: %s", r.Raw)
	}
	cu := s.demoCustomer(t, "Demo SP", customer.AssociationTypeRESALE, false)
	r = s.post(t, admin, allocQ, map[string]any{"c": string(cu.ID), "a": "5.00", "k": "v-1"})
	if r.Code() != "VERIFICATION_REQUIRED" {
		t.Fatalf("allocation without a code: %s", r.Raw)
	}
	// The same key with a code goes through (the refusal did not spend the key).
	r = s.post(t, admin, allocQ, map[string]any{"c": string(cu.ID), "a": "5.00", "k": "v-1", "v": code()})
	if dig(r.Data, "allocateBalance", "journal") == nil {
		t.Fatalf("allocation with a code: %s", r.Raw)
	}
	// Coupons too: issuing and reclaiming need a code.
	quota := s.quotaOf(t, "Demo SP", couponquota.KindVOUCHER, false)
	issue := `mutation($q:ID!,$c:ID!,$k:String!,$v:String){ issueCoupons(input:{quotaID:$q, customerIDs:[$c], faceValue:"5.00", verificationCode:$v}, idempotencyKey:$k){ coupons { id } userErrors { code } } }`
	if r := s.post(t, admin, issue, map[string]any{"q": string(quota), "c": string(cu.ID), "k": "v-2"}); r.Code() != "VERIFICATION_REQUIRED" {
		t.Fatalf("issuing coupons without a code: %s", r.Raw)
	}
	r = s.post(t, admin, issue, map[string]any{"q": string(quota), "c": string(cu.ID), "k": "v-2", "v": code()})
	id, _ := dig(r.Data, "issueCoupons", "coupons", 0, "id").(string)
	if id == "" {
		t.Fatalf("issuing coupons with a code: %s", r.Raw)
	}
	reclaim := `mutation($c:ID!,$k:String!,$v:String){ reclaimCoupons(input:{couponIDs:[$c], verificationCode:$v}, idempotencyKey:$k){ total userErrors { code } } }`
	if r := s.post(t, admin, reclaim, map[string]any{"c": id, "k": "v-3"}); r.Code() != "VERIFICATION_REQUIRED" {
		t.Fatalf("reclaiming coupons without a code: %s", r.Raw)
	}
	if r := s.post(t, admin, reclaim, map[string]any{"c": id, "k": "v-3", "v": code()}); dig(r.Data, "reclaimCoupons", "total") != "5.00" {
		t.Fatalf("reclaiming coupons with a code: %s", r.Raw)
	}
	// Each left its audit record.
	for _, a := range []auditlog.Action{auditlog.ActionCOUPON_ISSUE, auditlog.ActionCOUPON_RECLAIM} {
		if n := s.DB.Client.AuditLog.Query().Where(auditlog.ActionEQ(a), auditlog.OutcomeEQ(auditlog.OutcomeALLOWED)).CountX(sys()); n != 1 {
			t.Fatalf("%d %s audit records, want 1", n, a)
		}
	}
}

// TestAllocateCreatesAMissingAccount: a customer whose allocated-balance account does not exist
// yet (made before the ledger, say) gets it on its first allocation (lockOwnersWith creates it).
func TestAllocateCreatesAMissingAccount(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		admin := s.login(t, "sp.admin@example.com")
		c := s.DB.Client
		var cu *ent.Customer
		for _, x := range c.Customer.Query().Where(customer.HasPartnerWith(partner.Name("Demo SP")), customer.AssociationTypeEQ(customer.AssociationTypeRESALE)).AllX(sys()) {
			a, err := c.Account.Query().Where(account.OwnerKey(ledger.CustomerAllocated(x.ID).Key())).Only(sys())
			if ent.IsNotFound(err) || (err == nil && !a.QueryEntries().ExistX(sys())) {
				if err == nil {
					c.Account.DeleteOne(a).ExecX(sys())
				}
				cu = x
				break
			}
		}
		if cu == nil {
			t.Fatal("no resale customer without entries in the demo data")
		}
		r := s.post(t, admin, allocQ, map[string]any{"c": string(cu.ID), "a": "2.50", "k": "k-missing"})
		if dig(r.Data, "allocateBalance", "journal", "amount") != "2.50" {
			t.Fatalf("allocation to a customer without an account: %s", r.Raw)
		}
		if got := balanceOf(t, s, ledger.CustomerAllocated(cu.ID)); got.Cmp(money.MustParse("2.50")) != 0 {
			t.Fatalf("the new account holds %s, want 2.50", got)
		}
		if n := c.Journal.Query().Where(journal.IdempotencyKey("k-missing")).CountX(sys()); n != 1 {
			t.Fatalf("%d journals for one allocation", n)
		}
		ledgerTotals(t, s)
	})
}
