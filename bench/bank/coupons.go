package main

// Coupons in the bank test (issue 16): the platform grants and adjusts quotas, Demo SP issues
// and reclaims coupons, Demo Distributor issues quota to its resellers and reclaims it, Demo
// Reseller East issues and reclaims coupons out of what it got, all among the money operations.
// Afterwards check, in SQL: each quota's balance plus its coupons' plus what it passed on to
// resellers (net of what came back) is what it was granted; each coupon's balance agrees with
// its status; there are as many coupons as issues answered; each key had one effect.

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/partnercenter/partnercenter/bench/internal/harness"
)

// couponWorld is who does coupon operations and what they may act on: pools of the quotas and
// coupons known to exist, filled from the database and from the answers.
type couponWorld struct {
	plat, sp, dist, east         string // tokens
	spID, distID, eastID         string
	spCustomers, eastCustomers   []string
	resellers                    []string // the distributor's cloud resellers
	seededCoupons, seededQuotas  int
	mu                           sync.Mutex
	quotas                       map[string]*[]string // holder (sp, dist, east) -> quotas it may issue from
	resellerQuotas, reclaimedRQs []string             // reseller quotas not yet / already reclaimed
	coupons, gone                map[string]*[]string // holder (sp, east) -> usable / reclaimed coupons
}

func newCouponWorld(ctx context.Context, db *sql.DB, addr, plat, sp, dist string, spCustomers []string) (*couponWorld, error) {
	w := &couponWorld{plat: plat, sp: sp, dist: dist, spCustomers: spCustomers,
		quotas: map[string]*[]string{}, coupons: map[string]*[]string{}, gone: map[string]*[]string{}}
	for _, h := range []string{"sp", "dist", "east"} {
		w.quotas[h], w.coupons[h], w.gone[h] = new([]string), new([]string), new([]string)
	}
	var err error
	if w.east, err = harness.Login(addr, "reseller.admin@example.com"); err != nil {
		return nil, err
	}
	for _, p := range []struct {
		name string
		id   *string
	}{{"Demo SP", &w.spID}, {"Demo Distributor", &w.distID}, {"Demo Reseller East", &w.eastID}} {
		if err := db.QueryRowContext(ctx, `SELECT id FROM partners WHERE name = $1`, p.name).Scan(p.id); err != nil {
			return nil, fmt.Errorf("partner %s: %w", p.name, err)
		}
	}
	list := func(q string, args ...any) ([]string, error) {
		rows, err := db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, rows.Err()
	}
	if w.resellers, err = list(`SELECT id FROM partners WHERE distributor_id = $1 AND kind = 'CLOUD_RESELLER' ORDER BY id`, w.distID); err != nil {
		return nil, err
	}
	if w.eastCustomers, err = list(`SELECT id FROM customers WHERE partner_id = $1 AND association_type = 'RESALE' ORDER BY id`, w.eastID); err != nil {
		return nil, err
	}
	if len(w.resellers) == 0 || len(w.eastCustomers) == 0 {
		return nil, fmt.Errorf("the demo world has %d resellers of Demo Distributor and %d resale customers of Demo Reseller East", len(w.resellers), len(w.eastCustomers))
	}
	holders := map[string]string{w.spID: "sp", w.distID: "dist", w.eastID: "east"}
	rows, err := db.QueryContext(ctx, `SELECT id, partner_id, parent_quota_id IS NOT NULL FROM coupon_quotas WHERE status = 'NORMAL' AND kind = 'VOUCHER'`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, partner string
		var child bool
		_ = rows.Scan(&id, &partner, &child)
		if h := holders[partner]; h != "" {
			*w.quotas[h] = append(*w.quotas[h], id)
		}
		if child {
			w.resellerQuotas = append(w.resellerQuotas, id)
		}
	}
	rows.Close()
	rows, err = db.QueryContext(ctx, `SELECT id, partner_id FROM coupons WHERE status = 'USABLE'`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, partner string
		_ = rows.Scan(&id, &partner)
		if h := holders[partner]; h == "sp" || h == "east" {
			*w.coupons[h] = append(*w.coupons[h], id)
		}
	}
	rows.Close()
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM coupons), (SELECT count(*) FROM coupon_quotas)`).Scan(&w.seededCoupons, &w.seededQuotas); err != nil {
		return nil, err
	}
	if len(*w.quotas["sp"]) == 0 || len(*w.quotas["dist"]) == 0 {
		return nil, fmt.Errorf("the demo world gives Demo SP %d and Demo Distributor %d voucher quotas", len(*w.quotas["sp"]), len(*w.quotas["dist"]))
	}
	return w, nil
}

// choose takes up to n distinct random members of list.
func choose(list []string, n int) []string {
	n = min(n, len(list))
	out := make([]string, n)
	for i, j := range rand.Perm(len(list))[:n] {
		out[i] = list[j]
	}
	return out
}

func (w *couponWorld) add(pool *[]string, ids ...string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*pool = append(*pool, ids...)
}

func (w *couponWorld) remove(pool *[]string, ids ...string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*pool = slices.DeleteFunc(*pool, func(s string) bool { return slices.Contains(ids, s) })
}

func (w *couponWorld) sample(pool *[]string, n int) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return choose(*pool, n)
}

func faceValue(maxYuan int) string {
	return fmt.Sprintf("%d.%02d", 1+rand.IntN(maxYuan), rand.IntN(100))
}

// op makes the coupon operation numbered n (0..29, see the mix in run); false: it has nothing to
// act on yet (the caller does a money operation instead).
func (w *couponWorld) op(n int, key string) (op, bool) {
	switch {
	case n < 3: // the platform grants Demo SP or Demo Distributor a voucher quota
		holder, partner := "sp", w.spID
		if rand.IntN(2) == 0 {
			holder, partner = "dist", w.distID
		}
		now := time.Now().UTC().Truncate(time.Second)
		return op{field: "grantCouponQuota", want: 1, token: w.plat,
			query: `mutation($p:ID!,$v:Decimal!,$f:Time!,$u:Time!,$k:String!){ grantCouponQuota(input:{partnerID:$p, kind:VOUCHER, value:$v, validFrom:$f, validUntil:$u, reason:"bank"}, idempotencyKey:$k){ quota { id } userErrors { code } } }`,
			vars: map[string]any{"p": partner, "v": fmt.Sprintf("%d.00", 100+rand.IntN(1900)), "f": now.Add(-time.Hour).Format(time.RFC3339),
				"u": now.AddDate(1, 0, 0).Format(time.RFC3339), "k": key},
			after: func(r result) {
				if r.ok() {
					w.add(w.quotas[holder], r.objects)
				}
			}}, true
	case n < 6: // the platform adjusts a quota up or down (now and then by more than it has)
		w.mu.Lock()
		q := choose(append(slices.Clone(*w.quotas["sp"]), *w.quotas["dist"]...), 1)
		w.mu.Unlock()
		delta := amount()
		switch rand.IntN(6) {
		case 0:
			delta = "-9999999.00"
		case 1, 2:
			delta = "-" + delta
		}
		return op{field: "adjustCouponQuota", want: 1, token: w.plat,
			query: `mutation($q:ID!,$d:Decimal!,$k:String!){ adjustCouponQuota(input:{quotaID:$q, delta:$d, reason:"bank"}, idempotencyKey:$k){ quota { id } userErrors { code } } }`,
			vars:  map[string]any{"q": q[0], "d": delta, "k": key}}, true
	case n < 16: // Demo SP issues a batch of coupons (now and then a big one); Demo Reseller East a small one
		holder, tok, customers, size, face := "sp", w.sp, w.spCustomers, 1+rand.IntN(5), faceValue(20)
		if rand.IntN(8) == 0 {
			size = 10 + rand.IntN(20)
		}
		if n >= 13 {
			holder, tok, customers, size, face = "east", w.east, w.eastCustomers, 1+rand.IntN(3), faceValue(5)
		}
		q := w.sample(w.quotas[holder], 1)
		if len(q) == 0 {
			return w.op(26, key) // the reseller has no quota yet: the distributor issues some
		}
		ids := choose(customers, size)
		return op{field: "issueCoupons", name: "issueCoupons/" + holder, want: len(ids), token: tok,
			query: `mutation($q:ID!,$ids:[ID!]!,$v:Decimal!,$k:String!){ issueCoupons(input:{quotaID:$q, customerIDs:$ids, faceValue:$v, remark:"bank"}, idempotencyKey:$k){ coupons { id } results { code reason } userErrors { code } } }`,
			vars:  map[string]any{"q": q[0], "ids": ids, "v": face, "k": key},
			after: func(r result) {
				if r.ok() {
					w.add(w.coupons[holder], strings.Split(r.objects, ",")...)
				}
			}}, true
	case n < 22: // a partner reclaims one coupon or a batch (now and then with one reclaimed already)
		holder, tok := "sp", w.sp
		if n >= 20 {
			holder, tok = "east", w.east
		}
		size := 1
		if rand.IntN(2) == 0 {
			size = 2 + rand.IntN(4)
		}
		ids := w.sample(w.coupons[holder], size)
		if len(ids) == 0 {
			return op{}, false
		}
		if rand.IntN(10) == 0 {
			if old := w.sample(w.gone[holder], 1); len(old) > 0 && !slices.Contains(ids, old[0]) {
				ids = append(ids, old[0])
			}
		}
		name := "reclaimCoupons/" + holder + "/one"
		if len(ids) > 1 {
			name = "reclaimCoupons/" + holder + "/batch"
		}
		return op{field: "reclaimCoupons", name: name, want: len(ids), token: tok,
			query: `mutation($ids:[ID!]!,$k:String!){ reclaimCoupons(input:{couponIDs:$ids, reason:"bank"}, idempotencyKey:$k){ total results { code reason } userErrors { code } } }`,
			vars:  map[string]any{"ids": ids, "k": key},
			after: func(r result) {
				if r.ok() {
					w.remove(w.coupons[holder], ids...)
					w.add(w.gone[holder], ids...)
				}
			}}, true
	case n < 27: // the distributor issues quota to 1 to 3 of its resellers
		q := w.sample(w.quotas["dist"], 1)
		rs := choose(w.resellers, 1+rand.IntN(3))
		return op{field: "issueQuotaToResellers", want: len(rs), token: w.dist,
			query: `mutation($q:ID!,$ids:[ID!]!,$v:Decimal!,$k:String!){ issueQuotaToResellers(input:{quotaID:$q, resellerIDs:$ids, value:$v, reason:"bank"}, idempotencyKey:$k){ quotas { id } results { code reason } userErrors { code } } }`,
			vars:  map[string]any{"q": q[0], "ids": rs, "v": fmt.Sprintf("%d.00", 5+rand.IntN(96)), "k": key},
			after: func(r result) {
				if !r.ok() {
					return
				}
				made := strings.Split(r.objects, ",")
				w.add(&w.resellerQuotas, made...)
				for i, id := range made {
					if i < len(rs) && rs[i] == w.eastID {
						w.add(w.quotas["east"], id)
					}
				}
			}}, true
	default: // the distributor reclaims a reseller's quota (now and then one reclaimed already)
		q := w.sample(&w.resellerQuotas, 1)
		if rand.IntN(10) == 0 {
			if old := w.sample(&w.reclaimedRQs, 1); len(old) > 0 {
				q = old
			}
		}
		if len(q) == 0 {
			return op{}, false
		}
		return op{field: "reclaimResellerQuota", want: 1, token: w.dist,
			query: `mutation($q:ID!,$k:String!){ reclaimResellerQuota(input:{quotaID:$q, reason:"bank"}, idempotencyKey:$k){ quota { id } reclaimed userErrors { code } } }`,
			vars:  map[string]any{"q": q[0], "k": key},
			after: func(r result) {
				if r.ok() || r.refused == "ALREADY_RECLAIMED" {
					w.remove(&w.resellerQuotas, q[0])
					w.remove(w.quotas["east"], q[0])
					w.mu.Lock()
					if !slices.Contains(w.reclaimedRQs, q[0]) {
						w.reclaimedRQs = append(w.reclaimedRQs, q[0])
					}
					w.mu.Unlock()
				}
			}}, true
	}
}

func (r result) ok() bool { return r.err == nil && r.refused == "" }

// fen parses a decimal answer ("12.34", "-0.50") into fen.
func fen(s string) (int64, error) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if neg {
		n = -n
	}
	return n, err
}

// keyed is one operation under one idempotency key and every answer it got.
type keyed struct {
	key     string
	o       op
	results []result
}

// makes says whether an operation's answered objects are what it made (coupons, quotas), to be
// found under its key in the database.
func makes(field string) bool {
	return field == "issueCoupons" || field == "grantCouponQuota" || field == "issueQuotaToResellers"
}

// checkCoupons checks the coupon invariants and each coupon operation's key, in SQL; it answers
// the problems and a line of figures.
func (w *couponWorld) checkCoupons(ctx context.Context, db *sql.DB, keys []*keyed) ([]string, string, error) {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	pairs := func(q string) (map[string]string, error) {
		rows, err := db.QueryContext(ctx, q)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := map[string]string{}
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				return nil, err
			}
			out[k] = v
		}
		return out, rows.Err()
	}
	// Per key: how many journals and what they moved, and what they made.
	perKey, err := pairs(`SELECT idempotency_key, count(*) || ' ' || SUM(amount) FROM journals WHERE idempotency_key LIKE 'bank-%' GROUP BY idempotency_key`)
	if err != nil {
		return nil, "", err
	}
	made, err := pairs(`SELECT j.idempotency_key, string_agg(COALESCE(a.coupon_id, a.quota_id), ',' ORDER BY COALESCE(a.coupon_id, a.quota_id))
		FROM journals j JOIN ledger_entries e ON e.journal_id = j.id JOIN accounts a ON a.id = e.account_id
		WHERE j.idempotency_key LIKE 'bank-%' AND e.amount > 0 AND (j.kind = 'COUPON_ISSUE' AND a.kind = 'COUPON' OR j.kind IN ('QUOTA_GRANT', 'QUOTA_TO_RESELLER') AND a.kind = 'COUPON_QUOTA')
		GROUP BY j.idempotency_key`)
	if err != nil {
		return nil, "", err
	}
	inDB := func(key string) (n int, sum int64) {
		_, _ = fmt.Sscan(perKey[key], &n, &sum)
		return n, sum
	}
	wantCoupons, replays := 0, 0
	mismatched, wrongAmount, example := map[string]int{}, map[string]int{}, map[string]string{}
	for _, kd := range keys {
		o := kd.o
		n, sum := inDB(kd.key)
		var first *result
		oks := 0
		for i := range kd.results {
			r := &kd.results[i]
			if !r.ok() {
				continue
			}
			oks++
			if first == nil {
				first = r
				continue
			}
			if o.want > 0 && (r.objects != first.objects || r.amount != first.amount) {
				if mismatched[o.label()]++; mismatched[o.label()] == 1 {
					example[o.label()] = fmt.Sprintf("key %s answered %q %s and then %q %s", kd.key, first.objects, first.amount, r.objects, r.amount)
				}
			}
		}
		if oks > 1 {
			replays++
		}
		last := kd.results[len(kd.results)-1]
		switch {
		case first != nil && o.want == 0: // a money operation: as many journals as it answered
			if want := len(strings.Split(first.journals, ",")); n != want {
				bad("key %s (%s) answered %d journals; the database holds %d", kd.key, o.label(), want, n)
			}
		case first != nil:
			if n != o.want {
				bad("key %s (%s) succeeded: %d journals expected, the database holds %d", kd.key, o.label(), o.want, n)
			}
			if makes(o.field) {
				ids := strings.Split(first.objects, ",")
				slices.Sort(ids)
				if got := made[kd.key]; got != strings.Join(ids, ",") {
					bad("key %s (%s) answered %s; the database holds %s", kd.key, o.label(), strings.Join(ids, ","), got)
				}
			}
			if o.field == "issueCoupons" {
				wantCoupons += len(strings.Split(first.objects, ","))
			}
			if o.field == "reclaimCoupons" || o.field == "reclaimResellerQuota" {
				if a, err := fen(first.amount); err != nil || a != sum {
					if wrongAmount[o.label()]++; wrongAmount[o.label()] == 1 {
						example[o.label()+"/amount"] = fmt.Sprintf("key %s answered %s; its journals moved %d fen", kd.key, first.amount, sum)
					}
				}
			}
		case last.refused != "": // refused at the end: nothing moved under the key
			if n != 0 {
				bad("key %s (%s) was refused (%s) yet holds %d journals", kd.key, o.label(), last.refused, n)
			}
		case o.want > 0: // the outcome is unknown: all or nothing
			if n != 0 && n != o.want {
				bad("key %s (%s), outcome unknown, holds %d journals (want 0 or %d)", kd.key, o.label(), n, o.want)
			}
			if o.field == "issueCoupons" && made[kd.key] != "" {
				wantCoupons += len(strings.Split(made[kd.key], ","))
			}
		}
	}

	// As many coupons as the issues answered, each issued once, with one ISSUED record.
	var coupons, bankCoupons int
	if err := db.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE remark = 'bank') FROM coupons`).Scan(&coupons, &bankCoupons); err != nil {
		return nil, "", err
	}
	if coupons != w.seededCoupons+wantCoupons || bankCoupons != wantCoupons {
		bad("%d coupons (%d issued by the bank test), want %d + %d issued", coupons, bankCoupons, w.seededCoupons, wantCoupons)
	}
	count := func(what, q string) {
		var n int
		if err := db.QueryRowContext(ctx, q).Scan(&n); err != nil {
			bad("%s: %v", what, err)
		} else if n > 0 {
			bad("%d %s", n, what)
		}
	}
	count("coupons not issued exactly once (one COUPON_ISSUE journal of their face value, one ISSUED record)", `
		SELECT count(*) FROM coupons c JOIN accounts a ON a.coupon_id = c.id AND a.kind = 'COUPON'
		WHERE (SELECT count(*) FROM ledger_entries e JOIN journals j ON j.id = e.journal_id WHERE e.account_id = a.id AND j.kind = 'COUPON_ISSUE' AND e.amount = c.face_value) <> 1
		   OR (SELECT count(*) FROM ledger_entries e JOIN journals j ON j.id = e.journal_id WHERE e.account_id = a.id AND j.kind = 'COUPON_ISSUE') <> 1
		   OR (SELECT count(*) FROM coupon_records r WHERE r.coupon_id = c.id AND r.type = 'ISSUED') <> 1`)
	count("coupons without exactly one account", `SELECT count(*) FROM coupons c WHERE (SELECT count(*) FROM accounts a WHERE a.coupon_id = c.id AND a.kind = 'COUPON') <> 1`)
	// Nothing spends coupons yet: a usable coupon holds its face value and was never reclaimed; a
	// reclaimed one holds 0.00 and was reclaimed once, of its face value, with one record.
	count("coupons whose balance disagrees with their status (USABLE: the face value, never reclaimed; RECLAIMED: 0.00, reclaimed once of the face value, one record; nothing else)", `
		SELECT count(*) FROM coupons c JOIN accounts a ON a.coupon_id = c.id AND a.kind = 'COUPON'
		LEFT JOIN (SELECT e.account_id, count(*) n, SUM(-e.amount) s FROM ledger_entries e JOIN journals j ON j.id = e.journal_id
		           WHERE j.kind = 'COUPON_RECLAIM' GROUP BY e.account_id) r ON r.account_id = a.id
		WHERE NOT ((c.status = 'USABLE' AND a.balance = c.face_value AND r.n IS NULL)
		        OR (c.status = 'RECLAIMED' AND a.balance = 0 AND r.n = 1 AND r.s = c.face_value
		            AND (SELECT count(*) FROM coupon_records x WHERE x.coupon_id = c.id AND x.type = 'RECLAIMED_BY_HAND') = 1))`)
	// Each quota: its balance, its coupons' and what it passed to resellers (less what came back)
	// is what it was granted (a platform grant: grants and adjustments) or given (a reseller's:
	// less what was reclaimed from it).
	count("quotas whose balance + coupons + passed to resellers differ from what they were granted", `
		WITH back AS (SELECT a.quota_id, SUM(-e.amount) s FROM ledger_entries e JOIN journals j ON j.id = e.journal_id JOIN accounts a ON a.id = e.account_id
		              WHERE j.kind = 'QUOTA_FROM_RESELLER' AND e.amount < 0 GROUP BY a.quota_id),
		     cb AS (SELECT c.quota_id, SUM(a.balance) s FROM coupons c JOIN accounts a ON a.coupon_id = c.id AND a.kind = 'COUPON' GROUP BY c.quota_id),
		     passed AS (SELECT r.parent_quota_id p, SUM(r.value - COALESCE(back.s, 0)) s FROM coupon_quotas r LEFT JOIN back ON back.quota_id = r.id
		                WHERE r.parent_quota_id IS NOT NULL GROUP BY r.parent_quota_id)
		SELECT count(*) FROM coupon_quotas q JOIN accounts a ON a.quota_id = q.id AND a.kind = 'COUPON_QUOTA'
		LEFT JOIN cb ON cb.quota_id = q.id LEFT JOIN back ON back.quota_id = q.id LEFT JOIN passed ON passed.p = q.id
		WHERE a.balance + COALESCE(cb.s, 0) + COALESCE(passed.s, 0) <> q.value - COALESCE(back.s, 0)`)
	count("platform quotas whose value differs from their grant and adjustments", `
		SELECT count(*) FROM coupon_quotas q JOIN accounts a ON a.quota_id = q.id AND a.kind = 'COUPON_QUOTA'
		WHERE q.parent_quota_id IS NULL AND q.value <> (SELECT COALESCE(SUM(e.amount), 0) FROM ledger_entries e JOIN journals j ON j.id = e.journal_id
		                                                WHERE e.account_id = a.id AND j.kind IN ('QUOTA_GRANT', 'QUOTA_ADJUST'))
		   OR q.parent_quota_id IS NULL AND (SELECT count(*) FROM ledger_entries e JOIN journals j ON j.id = e.journal_id WHERE e.account_id = a.id AND j.kind = 'QUOTA_GRANT') <> 1`)
	count("reseller quotas not given once of their value, or not reclaimed when RECLAIMED (at least once: what coupons return later is swept by reclaiming again), or reclaimed while not RECLAIMED", `
		SELECT count(*) FROM coupon_quotas q JOIN accounts a ON a.quota_id = q.id AND a.kind = 'COUPON_QUOTA'
		WHERE q.parent_quota_id IS NOT NULL AND (
		      (SELECT count(*) FROM ledger_entries e JOIN journals j ON j.id = e.journal_id WHERE e.account_id = a.id AND j.kind = 'QUOTA_TO_RESELLER' AND e.amount = q.value) <> 1
		   OR (SELECT count(*) FROM ledger_entries e JOIN journals j ON j.id = e.journal_id WHERE e.account_id = a.id AND j.kind = 'QUOTA_TO_RESELLER') <> 1
		   OR (SELECT count(*) FROM ledger_entries e JOIN journals j ON j.id = e.journal_id WHERE e.account_id = a.id AND j.kind = 'QUOTA_FROM_RESELLER')
		      < CASE WHEN q.status = 'RECLAIMED' THEN 1 ELSE 0 END
		   OR q.status <> 'RECLAIMED' AND (SELECT count(*) FROM ledger_entries e JOIN journals j ON j.id = e.journal_id WHERE e.account_id = a.id AND j.kind = 'QUOTA_FROM_RESELLER') > 0)`)
	count("quota or coupon journals without exactly one coupon record of their amount", `
		SELECT count(*) FROM journals j WHERE j.kind IN ('QUOTA_GRANT', 'QUOTA_ADJUST', 'QUOTA_TO_RESELLER', 'QUOTA_FROM_RESELLER', 'COUPON_ISSUE', 'COUPON_RECLAIM')
		AND (SELECT count(*) FROM coupon_records r WHERE r.journal_id = j.id AND abs(r.amount) = j.amount) <> 1`)
	count("quotas without exactly one account", `
		SELECT (SELECT count(*) FROM coupon_quotas q WHERE (SELECT count(*) FROM accounts a WHERE a.quota_id = q.id AND a.kind = 'COUPON_QUOTA') <> 1)`)

	var quotas, resellerQuotas, reclaimedRQs, reclaimed int
	var quotaBal, couponBal, value, stranded int64
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM coupon_quotas), (SELECT count(*) FROM coupon_quotas WHERE parent_quota_id IS NOT NULL),
		(SELECT count(*) FROM coupon_quotas WHERE status = 'RECLAIMED'), (SELECT count(*) FROM coupons WHERE status = 'RECLAIMED'),
		(SELECT COALESCE(SUM(balance), 0) FROM accounts WHERE kind = 'COUPON_QUOTA'), (SELECT COALESCE(SUM(balance), 0) FROM accounts WHERE kind = 'COUPON'),
		(SELECT COALESCE(SUM(value), 0) FROM coupon_quotas WHERE parent_quota_id IS NULL),
		(SELECT COALESCE(SUM(a.balance), 0) FROM coupon_quotas q JOIN accounts a ON a.quota_id = q.id WHERE q.status = 'RECLAIMED')`).
		Scan(&quotas, &resellerQuotas, &reclaimedRQs, &reclaimed, &quotaBal, &couponBal, &value, &stranded); err != nil {
		return nil, "", err
	}
	if quotaBal+couponBal != value {
		bad("quotas hold %d fen and coupons %d: together not the %d granted", quotaBal, couponBal, value)
	}
	// (Coupons reclaimed after their reseller quota was taken back return to that RECLAIMED quota,
	// until the distributor reclaims it again: counted, not refused.)
	figures := fmt.Sprintf("%d quotas (%d before; %d reseller quotas, %d reclaimed, holding %d fen that coupons reclaimed later returned to them), %d coupons (%d before; %d reclaimed); quotas hold %d fen and coupons %d of %d granted; %d coupon keys answered more than once",
		quotas, w.seededQuotas, resellerQuotas, reclaimedRQs, stranded, coupons, w.seededCoupons, reclaimed, quotaBal, couponBal, value, replays)
	for _, name := range slices.Sorted(maps.Keys(mismatched)) {
		bad("%d %s keys answered differently on a retry with the same key (e.g. %s)", mismatched[name], name, example[name])
	}
	for _, name := range slices.Sorted(maps.Keys(wrongAmount)) {
		bad("%d %s keys first answered another amount reclaimed than their journals moved (e.g. %s)", wrongAmount[name], name, example[name+"/amount"])
	}
	return problems, figures, nil
}

// tamper corrupts the coupon tables the way a bug might (-tamper), to show that checkCoupons
// notices: it answers what the problems must then mention.
func tamper(ctx context.Context, db *sql.DB) ([]string, error) {
	for _, q := range []string{
		// a usable coupon marked reclaimed, its balance left
		`UPDATE coupons SET status = 'RECLAIMED' WHERE id = (SELECT id FROM coupons WHERE status = 'USABLE' AND remark = 'bank' ORDER BY id LIMIT 1)`,
		// a quota's value changed without a journal
		`UPDATE coupon_quotas SET value = value + 100 WHERE id = (SELECT id FROM coupon_quotas WHERE parent_quota_id IS NULL ORDER BY id LIMIT 1)`,
		// a coupon made twice (without its account and journal)
		`INSERT INTO coupons (id, created_at, updated_at, kind, partner_id, face_value, valid_from, valid_until, remark, status, quota_id, customer_id)
		 SELECT 'cpn_TAMPERED', created_at, updated_at, kind, partner_id, face_value, valid_from, valid_until, remark, status, quota_id, customer_id
		 FROM coupons WHERE remark = 'bank' ORDER BY id LIMIT 1`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			return nil, fmt.Errorf("tamper: %w", err)
		}
	}
	return []string{"coupons whose balance disagrees with their status", "quotas whose balance + coupons + passed to resellers differ",
		"platform quotas whose value differs", "coupons without exactly one account", "issued by the bank test), want"}, nil
}
