// Command bank is the ledger's torture test: two server processes on one PostgreSQL database,
// many concurrent clients doing random allocations, reclaims, batches, reseller transfers and
// withdrawals, and (three in ten) coupon operations: quota grants and adjustments, coupon issues
// in batches, reclaims single and batched, quota issued to resellers and reclaimed (coupons.go),
// for a while, some retried with the same idempotency key, some coupon operations sent to both
// servers at once, optionally with one server killed (SIGKILL) amid a burst of coupon operations
// and restarted midway; then a sample of the coupon operations is asked again. Afterwards
// it checks, in SQL, that the accounts still sum to what they did to the fen, no balance is
// negative (quotas' and coupons' included), every journal sums to zero, each balance equals its
// entries, each idempotency key had exactly one effect and answered alike every time, and the
// coupon invariants hold (see checkCoupons).
//
//	go run ./bench/bank -server bin/partnercenter -clients 16 -duration 30s -kill
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/lib/pq"

	"github.com/partnercenter/partnercenter/bench/internal/harness"
)

// tamperFirst: -tamper.
var tamperFirst bool

func main() {
	bin := flag.String("server", "bin/partnercenter", "the server binary")
	admin := flag.String("db", os.Getenv("TEST_DATABASE_URL"), "a PostgreSQL URL on which a scratch database is created (default TEST_DATABASE_URL, else the local server)")
	clients := flag.Int("clients", 16, "concurrent clients")
	duration := flag.Duration("duration", 30*time.Second, "how long the clients run")
	kill := flag.Bool("kill", false, "SIGKILL the second server halfway and restart it")
	flag.BoolVar(&tamperFirst, "tamper", false, "corrupt the coupon tables before checking, and pass only if the checks notice each corruption")
	flag.Parse()
	if err := run(*bin, harness.AdminURL(*admin), *clients, *duration, *kill); err != nil {
		fmt.Fprintln(os.Stderr, "bank: FAIL:", err)
		fmt.Println("0 passed, 1 failed")
		os.Exit(1)
	}
	fmt.Println("1 passed, 0 failed")
}

// op is one money or coupon request a client makes (and may retry with the same key).
type op struct {
	field, query string
	vars         map[string]any
	token        string
	// name is what the figures count it as (default field); want is the number of journals it
	// posts when it succeeds (0: as many as it answers); after sees its final answer.
	name  string
	want  int
	after func(result)
}

func (o op) label() string {
	if o.name != "" {
		return o.name
	}
	return o.field
}

// result of one attempt: the journal IDs it answered (sorted, joined), the coupons or quotas it
// answered (in order, joined), the amount a reclaim answered, or why not.
type result struct {
	journals string
	objects  string
	amount   string
	refused  string // a userError code (a refused batch: its first row's)
	err      error  // transport or server error: outcome unknown
}

func (o op) do(addr string) result {
	r, err := harness.Call(addr, o.token, o.query, o.vars)
	if err != nil {
		return result{err: err}
	}
	if len(r.Errors) > 0 {
		code, _ := r.Errors[0].Extensions["code"].(string)
		if code == "INTERNAL" {
			return result{err: errors.New(r.Errors[0].Message)}
		}
		return result{refused: code}
	}
	type id struct{ ID string }
	var p struct {
		Journal    *id
		Journals   []id
		Quota      *id
		Quotas     []id
		Coupons    []id
		Total      *string
		Reclaimed  *string
		Results    []struct{ Code, Reason *string }
		UserErrors []struct{ Code string }
	}
	if err := json.Unmarshal(r.Data[o.field], &p); err != nil {
		return result{err: err}
	}
	if len(p.UserErrors) > 0 {
		code := p.UserErrors[0].Code
		for _, row := range p.Results { // a refused batch: why, rather than BATCH_REFUSED
			if row.Code != nil && *row.Code != "NOT_ATTEMPTED" {
				code = *row.Code
				if row.Reason != nil {
					code = *row.Reason
				}
				break
			}
		}
		return result{refused: code}
	}
	ids, objects := []string{}, []string{}
	if p.Journal != nil {
		ids = append(ids, p.Journal.ID)
	}
	for _, j := range p.Journals {
		ids = append(ids, j.ID)
	}
	if p.Quota != nil {
		objects = append(objects, p.Quota.ID)
	}
	for _, q := range p.Quotas {
		objects = append(objects, q.ID)
	}
	for _, c := range p.Coupons {
		objects = append(objects, c.ID)
	}
	res := result{journals: strings.Join(ids, ","), objects: strings.Join(objects, ",")}
	if p.Total != nil {
		res.amount = *p.Total
	}
	if p.Reclaimed != nil {
		res.amount = *p.Reclaimed
	}
	return res
}

func amount() string { return fmt.Sprintf("%d.%02d", rand.IntN(50), rand.IntN(100)+1) }

func run(bin, adminURL string, clients int, duration time.Duration, kill bool) error {
	ctx := context.Background()
	dbURL, drop, err := harness.ScratchDB(adminURL, "pc_bank")
	if err != nil {
		return err
	}
	defer drop()
	a := &harness.Server{Bin: bin, DBURL: dbURL}
	if err := a.Start(); err != nil { // the first one migrates and loads the demo world
		return err
	}
	defer a.Stop(syscall.SIGTERM)
	b := &harness.Server{Bin: bin, DBURL: dbURL}
	if err := b.Start(); err != nil {
		return err
	}
	defer func() { b.Stop(syscall.SIGTERM) }()
	var bAlive atomic.Bool
	bAlive.Store(true)

	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()

	spTok, err := harness.Login(a.Addr, "sp.admin@example.com")
	if err != nil {
		return err
	}
	distTok, err := harness.Login(b.Addr, "dist.admin@example.com")
	if err != nil {
		return err
	}
	custTok, err := harness.Login(a.Addr, "customer@example.com")
	if err != nil {
		return err
	}
	platTok, err := harness.Login(a.Addr, "platform@example.com")
	if err != nil {
		return err
	}
	var customers []string
	rows, err := db.QueryContext(ctx, `SELECT c.id FROM customers c JOIN partners p ON p.id = c.partner_id WHERE p.name = 'Demo SP' AND c.association_type = 'RESALE' ORDER BY c.id`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		_ = rows.Scan(&id)
		customers = append(customers, id)
	}
	rows.Close()
	var reseller, ownCustomer string
	if err := db.QueryRowContext(ctx, `SELECT id FROM partners WHERE name = 'Demo Reseller East'`).Scan(&reseller); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, `SELECT customer_id FROM users WHERE email = 'customer@example.com'`).Scan(&ownCustomer); err != nil {
		return err
	}
	// The customer gets a balance of its own to withdraw from.
	if r, err := harness.Call(a.Addr, platTok, `mutation($c:ID!){ recordCustomerRecharge(input:{customerID:$c, amount:"5000.00"}, idempotencyKey:"bank-setup"){ journal { id } } }`, map[string]any{"c": ownCustomer}); err != nil || len(r.Errors) > 0 {
		return fmt.Errorf("setup recharge: %v %v", err, r)
	}

	if err := revokedEverywhere(a.Addr, b.Addr); err != nil {
		return err
	}

	var totalBefore, nonExternalBefore int64
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(SUM(balance),0), COALESCE(SUM(balance) FILTER (WHERE kind <> 'EXTERNAL'),0) FROM accounts`).Scan(&totalBefore, &nonExternalBefore); err != nil {
		return err
	}

	cw, err := newCouponWorld(ctx, db, a.Addr, platTok, spTok, distTok, customers)
	if err != nil {
		return err
	}

	var mu sync.Mutex
	byKey := map[string]*keyed{}
	var nOK, nRefused, nUnknown, nRetries, nDoubled atomic.Int64
	var codesMu sync.Mutex
	codes := map[string]int{}
	perOp := map[string]*[5]int{} // ok, refused, unknown, retries, failed attempts
	deadline := time.Now().Add(duration)
	pick := func() string {
		if bAlive.Load() && rand.IntN(2) == 0 {
			return b.Addr
		}
		return a.Addr
	}
	// finish retries an operation with the same key (an unknown outcome always, any other once in
	// odds), then records its answers and figures.
	finish := func(o op, kd *keyed, res result, odds int) {
		retries := 0
		for tries := 0; (res.err != nil && tries < 20) || (tries == 0 && rand.IntN(odds) == 0); tries++ {
			nRetries.Add(1)
			retries++
			if res.err != nil {
				time.Sleep(50 * time.Millisecond)
			}
			res = o.do(pick())
			kd.results = append(kd.results, res)
		}
		if o.after != nil {
			o.after(res)
		}
		codesMu.Lock()
		st := perOp[o.label()]
		if st == nil {
			st = new([5]int)
			perOp[o.label()] = st
		}
		st[3] += retries
		for _, r := range kd.results {
			if r.err != nil {
				st[4]++
			}
		}
		switch {
		case res.err != nil:
			nUnknown.Add(1)
			st[2]++
		case res.refused != "":
			nRefused.Add(1)
			st[1]++
			codes[o.label()+":"+res.refused]++
		default:
			nOK.Add(1)
			st[0]++
		}
		codesMu.Unlock()
		mu.Lock()
		byKey[kd.key+"|"+o.token[:12]] = kd
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				key := fmt.Sprintf("bank-%d-%d", c, i)
				// Seven in ten are money operations, three in ten coupon operations.
				var o op
				n, ok := rand.IntN(100), false
				if n >= 70 {
					if o, ok = cw.op(n-70, key); !ok {
						n = rand.IntN(70)
					}
				}
				switch {
				case ok:
				case n < 28:
					o = op{field: "allocateBalance", query: `mutation($c:ID!,$a:Decimal!,$k:String!){ allocateBalance(input:{customerID:$c, amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`,
						vars: map[string]any{"c": customers[rand.IntN(len(customers))], "a": amount(), "k": key}, token: spTok}
				case n < 49:
					o = op{field: "reclaimBalance", query: `mutation($c:ID!,$a:Decimal!,$k:String!){ reclaimBalance(input:{customerID:$c, amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`,
						vars: map[string]any{"c": customers[rand.IntN(len(customers))], "a": amount(), "k": key}, token: spTok}
				case n < 56:
					ids := []string{}
					for _, j := range rand.Perm(len(customers))[:2+rand.IntN(4)] {
						ids = append(ids, customers[j])
					}
					o = op{field: "batchAllocateBalance", query: `mutation($ids:[ID!]!,$a:Decimal!,$k:String!){ batchAllocateBalance(input:{customerIDs:$ids, amount:$a}, idempotencyKey:$k){ journals { id } userErrors { code } } }`,
						vars: map[string]any{"ids": ids, "a": amount(), "k": key}, token: spTok}
				case n < 63:
					f := "allocateToReseller"
					if rand.IntN(2) == 0 {
						f = "reclaimFromReseller"
					}
					o = op{field: f, query: `mutation($r:ID!,$a:Decimal!,$k:String!){ ` + f + `(input:{resellerID:$r, amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`,
						vars: map[string]any{"r": reseller, "a": amount(), "k": key}, token: distTok}
				default:
					o = op{field: "withdrawBalance", query: `mutation($a:Decimal!,$k:String!){ withdrawBalance(input:{amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`,
						vars: map[string]any{"a": amount(), "k": key}, token: custTok}
				}
				kd := &keyed{key: key, o: o}
				var res result
				if o.want > 0 && rand.IntN(20) == 0 {
					// One in twenty coupon operations is sent twice at once, to both servers: one
					// effect, the same answer twice.
					nDoubled.Add(1)
					var twice [2]result
					var both sync.WaitGroup
					for i, addr := range []string{a.Addr, pick()} {
						both.Add(1)
						go func() { defer both.Done(); twice[i] = o.do(addr) }()
					}
					both.Wait()
					kd.results = append(kd.results, twice[:]...)
					// What it did: a success if either says so, else a refusal, else unknown.
					res = twice[1]
					if twice[0].ok() || twice[1].err != nil && twice[0].err == nil {
						res = twice[0]
					}
				} else {
					res = o.do(pick())
					kd.results = append(kd.results, res)
				}
				// Unknown outcomes are always retried with the same key, and one in ten of the others
				// (one in four coupon operations).
				odds := 10
				if o.want > 0 {
					odds = 4
				}
				finish(o, kd, res, odds)
			}
		}(c)
	}
	var burst sync.WaitGroup
	var burstFailed []string // keys whose first attempt on B failed
	inFlight := 0
	answered := make(chan struct{}, clients)
	var killedAt time.Time
	if kill {
		time.Sleep(duration / 2)
		// A burst of coupon operations is sent to B, one every 3 ms, and B dies among them: each
		// that failed is then retried with its key on A until its outcome is known.
		for i := 0; i < clients; i++ {
			o, ok := cw.op(rand.IntN(30), fmt.Sprintf("bank-kill-%d", i))
			if !ok {
				continue
			}
			burst.Add(1)
			inFlight++
			go func(start time.Duration) {
				defer burst.Done()
				time.Sleep(start)
				kd := &keyed{key: o.vars["k"].(string), o: o}
				res := o.do(b.Addr)
				kd.results = append(kd.results, res)
				if res.err != nil {
					mu.Lock()
					burstFailed = append(burstFailed, kd.key)
					mu.Unlock()
				} else {
					answered <- struct{}{}
				}
				finish(o, kd, res, 1<<30)
			}(time.Duration(i) * 3 * time.Millisecond)
		}
		// B dies once a quarter of them have been answered: the others are in flight or not sent.
		timeout := time.After(2 * time.Second)
	wait:
		for n := 0; n < max(1, inFlight/4); n++ {
			select {
			case <-answered:
			case <-timeout:
				break wait
			}
		}
		bAlive.Store(false)
		killedAt = time.Now()
		b.Stop(syscall.SIGKILL)
		fmt.Println("bank: killed server B (SIGKILL) at", duration/2)
		time.Sleep(2 * time.Second)
		if err := b.Start(); err != nil {
			return err
		}
		bAlive.Store(true)
		fmt.Println("bank: restarted server B")
	}
	wg.Wait()
	burst.Wait()
	if kill {
		// Their journals dated before the kill were committed by B just before it died (a
		// killed server commits nothing): the retry must have replayed them, not done them again.
		var lost int
		if err := db.QueryRowContext(ctx, `SELECT count(DISTINCT idempotency_key) FROM journals WHERE idempotency_key = ANY($1) AND created_at < $2`,
			pq.Array(burstFailed), killedAt).Scan(&lost); err != nil {
			return err
		}
		fmt.Printf("bank: %d coupon operations were sent to server B around its kill: %d of them failed and were retried with the same key (%d had taken effect before the kill, their answer lost)\n",
			inFlight, len(burstFailed), lost)
	}

	// Coupon operations retried after the kill: a sample of those that succeeded is asked again,
	// with the same key and request, of server B (restarted when -kill); each must answer as it
	// did and change nothing.
	var again []*keyed
	for _, kd := range byKey {
		if kd.o.want > 0 && slices.ContainsFunc(kd.results, result.ok) {
			again = append(again, kd)
		}
	}
	rand.Shuffle(len(again), func(i, j int) { again[i], again[j] = again[j], again[i] })
	again = again[:min(len(again), 300)]
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := c; i < len(again); i += clients {
				again[i].results = append(again[i].results, again[i].o.do(b.Addr))
			}
		}(c)
	}
	wg.Wait()
	fmt.Printf("bank: %d succeeded coupon operations asked again of server B after the run\n", len(again))

	var expected []string
	if tamperFirst {
		if expected, err = tamper(ctx, db); err != nil {
			return err
		}
	}

	// The invariants, in SQL.
	problems, totalAfter, multi, failedAttempts, recovered, err := checkLedger(ctx, db, totalBefore, byKey)
	if err != nil {
		return err
	}
	all := make([]*keyed, 0, len(byKey))
	for _, kd := range byKey {
		all = append(all, kd)
	}
	couponProblems, couponFigures, err := cw.checkCoupons(ctx, db, all)
	if err != nil {
		return err
	}
	problems = append(problems, couponProblems...)
	var journals int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM journals`).Scan(&journals)
	fmt.Printf("bank: %d clients for %s on 2 servers (kill=%v): %d succeeded, %d refused (business rules), %d unknown, %d retries (%d keys answered more than once); %d journals; total %d fen before and %d after\n",
		clients, duration, kill, nOK.Load(), nRefused.Load(), nUnknown.Load(), nRetries.Load(), multi, journals, totalBefore, totalAfter)
	names := make([]string, 0, len(perOp))
	for name := range perOp {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		st := perOp[name]
		fmt.Printf("bank:   %-27s %5d succeeded %4d refused %3d unknown %4d retries (%d failed attempts)\n", name, st[0], st[1], st[2], st[3], st[4])
	}
	fmt.Printf("bank: %d coupon operations sent twice at once\n", nDoubled.Load())
	fmt.Printf("bank: %d attempts failed (transport or server error: outcome unknown); %d operations whose first attempt failed were settled by a retry with the same key\n", failedAttempts, recovered)
	fmt.Printf("bank: refusals by operation and code: %v\n", codes)
	fmt.Printf("bank: coupons: %s\n", couponFigures)
	if tamperFirst {
		all := strings.Join(problems, "; ")
		for _, e := range expected {
			if !strings.Contains(all, e) {
				return fmt.Errorf("tampered, yet no problem mentions %q (problems: %s)", e, all)
			}
		}
		fmt.Printf("bank: tampered: the checks noticed all %d corruptions (%s)\n", len(expected), all)
		return nil
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	if nOK.Load() == 0 {
		return errors.New("nothing succeeded")
	}
	return nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// revokedEverywhere checks that a credential revoked on one server is refused by the other at its
// next request: an API key revoked through A, and a session logged out through A, both used
// through B (no server remembers what a credential resolved to).
func revokedEverywhere(a, b string) error {
	tok, err := harness.Login(a, "sp.admin@example.com")
	if err != nil {
		return err
	}
	who := func(addr, cred string) (string, error) {
		r, err := harness.Call(addr, cred, `{ viewer { role } }`, nil)
		if err != nil {
			return "", err
		}
		if len(r.Errors) > 0 {
			code, _ := r.Errors[0].Extensions["code"].(string)
			return code, nil
		}
		return "ok", nil
	}
	r, err := harness.Call(a, tok, `mutation{ createApiKey(input:{name:"bank", scope: READ}){ key apiKey { id } } }`, nil)
	if err != nil || len(r.Errors) > 0 {
		return fmt.Errorf("createApiKey: %v %v", err, r)
	}
	var created struct {
		Key    string
		APIKey struct{ ID string } `json:"apiKey"`
	}
	_ = json.Unmarshal(r.Data["createApiKey"], &created)
	for _, step := range []struct {
		what, addr, cred, want string
		before                 string // a mutation through A first
		vars                   map[string]any
	}{
		{what: "the new key on B", addr: b, cred: created.Key, want: "ok"},
		{what: "the key on B after A revoked it", addr: b, cred: created.Key, want: "UNAUTHENTICATED",
			before: `mutation($id:ID!){ revokeApiKey(id:$id){ __typename } }`, vars: map[string]any{"id": created.APIKey.ID}},
		{what: "the session on B", addr: b, cred: tok, want: "ok"},
		{what: "the session on B after logging out through A", addr: b, cred: tok, want: "UNAUTHENTICATED", before: `mutation{ logout { __typename } }`},
	} {
		if step.before != "" {
			if r, err := harness.Call(a, tok, step.before, step.vars); err != nil || len(r.Errors) > 0 {
				return fmt.Errorf("%s: %v %v", step.before, err, r)
			}
		}
		got, err := who(step.addr, step.cred)
		if err != nil {
			return err
		}
		if got != step.want {
			return fmt.Errorf("%s: %s, want %s", step.what, got, step.want)
		}
	}
	fmt.Println("bank: a key revoked and a session ended through server A are refused by server B at the next request")
	return nil
}
