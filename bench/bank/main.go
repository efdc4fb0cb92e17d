// Command bank is the ledger's torture test: two server processes on one PostgreSQL database,
// many concurrent clients doing random allocations, reclaims, batches, reseller transfers and
// withdrawals for a while, some retried with the same idempotency key, optionally with one
// server killed (SIGKILL) and restarted midway. Afterwards it checks, in SQL, that the accounts
// still sum to what they did to the fen, no balance is negative, every journal sums to zero, each
// balance equals its entries, and each idempotency key had exactly one effect.
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
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	_ "github.com/lib/pq"

	"github.com/partnercenter/partnercenter/bench/internal/harness"
)

func main() {
	bin := flag.String("server", "bin/partnercenter", "the server binary")
	admin := flag.String("db", os.Getenv("TEST_DATABASE_URL"), "a PostgreSQL URL on which a scratch database is created (default TEST_DATABASE_URL, else the local server)")
	clients := flag.Int("clients", 16, "concurrent clients")
	duration := flag.Duration("duration", 30*time.Second, "how long the clients run")
	kill := flag.Bool("kill", false, "SIGKILL the second server halfway and restart it")
	flag.Parse()
	if err := run(*bin, harness.AdminURL(*admin), *clients, *duration, *kill); err != nil {
		fmt.Fprintln(os.Stderr, "bank: FAIL:", err)
		fmt.Println("0 passed, 1 failed")
		os.Exit(1)
	}
	fmt.Println("1 passed, 0 failed")
}

// op is one money request a client makes (and may retry with the same key).
type op struct {
	field, query string
	vars         map[string]any
	token        string
}

// result of one attempt: the journal IDs it answered (sorted, joined), or why not.
type result struct {
	journals string
	refused  string // a userError code
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
	var p struct {
		Journal    *struct{ ID string }
		Journals   []struct{ ID string }
		UserErrors []struct{ Code string }
	}
	if err := json.Unmarshal(r.Data[o.field], &p); err != nil {
		return result{err: err}
	}
	if len(p.UserErrors) > 0 {
		return result{refused: p.UserErrors[0].Code}
	}
	ids := []string{}
	if p.Journal != nil {
		ids = append(ids, p.Journal.ID)
	}
	for _, j := range p.Journals {
		ids = append(ids, j.ID)
	}
	return result{journals: strings.Join(ids, ",")}
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

	type keyed struct {
		key     string
		results []result
	}
	var mu sync.Mutex
	byKey := map[string]*keyed{}
	var nOK, nRefused, nUnknown, nRetries atomic.Int64
	var codesMu sync.Mutex
	codes := map[string]int{}
	deadline := time.Now().Add(duration)
	pick := func() string {
		if bAlive.Load() && rand.IntN(2) == 0 {
			return b.Addr
		}
		return a.Addr
	}
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				key := fmt.Sprintf("bank-%d-%d", c, i)
				var o op
				switch n := rand.IntN(100); {
				case n < 40:
					o = op{"allocateBalance", `mutation($c:ID!,$a:Decimal!,$k:String!){ allocateBalance(input:{customerID:$c, amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`,
						map[string]any{"c": customers[rand.IntN(len(customers))], "a": amount(), "k": key}, spTok}
				case n < 70:
					o = op{"reclaimBalance", `mutation($c:ID!,$a:Decimal!,$k:String!){ reclaimBalance(input:{customerID:$c, amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`,
						map[string]any{"c": customers[rand.IntN(len(customers))], "a": amount(), "k": key}, spTok}
				case n < 80:
					ids := []string{}
					for _, j := range rand.Perm(len(customers))[:2+rand.IntN(4)] {
						ids = append(ids, customers[j])
					}
					o = op{"batchAllocateBalance", `mutation($ids:[ID!]!,$a:Decimal!,$k:String!){ batchAllocateBalance(input:{customerIDs:$ids, amount:$a}, idempotencyKey:$k){ journals { id } userErrors { code } } }`,
						map[string]any{"ids": ids, "a": amount(), "k": key}, spTok}
				case n < 90:
					f := "allocateToReseller"
					if rand.IntN(2) == 0 {
						f = "reclaimFromReseller"
					}
					o = op{f, `mutation($r:ID!,$a:Decimal!,$k:String!){ ` + f + `(input:{resellerID:$r, amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`,
						map[string]any{"r": reseller, "a": amount(), "k": key}, distTok}
				default:
					o = op{"withdrawBalance", `mutation($a:Decimal!,$k:String!){ withdrawBalance(input:{amount:$a}, idempotencyKey:$k){ journal { id } userErrors { code } } }`,
						map[string]any{"a": amount(), "k": key}, custTok}
				}
				kd := &keyed{key: key}
				res := o.do(pick())
				kd.results = append(kd.results, res)
				// Unknown outcomes are always retried with the same key, and one in ten of the others.
				for tries := 0; (res.err != nil && tries < 20) || (tries == 0 && rand.IntN(10) == 0); tries++ {
					nRetries.Add(1)
					if res.err != nil {
						time.Sleep(50 * time.Millisecond)
					}
					res = o.do(pick())
					kd.results = append(kd.results, res)
				}
				switch {
				case res.err != nil:
					nUnknown.Add(1)
				case res.refused != "":
					nRefused.Add(1)
					codesMu.Lock()
					codes[o.field+":"+res.refused]++
					codesMu.Unlock()
				default:
					nOK.Add(1)
				}
				mu.Lock()
				byKey[key+"|"+o.token[:12]] = kd
				mu.Unlock()
			}
		}(c)
	}
	if kill {
		time.Sleep(duration / 2)
		bAlive.Store(false)
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

	// The invariants, in SQL.
	var problems []string
	var totalAfter int64
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(SUM(balance),0) FROM accounts`).Scan(&totalAfter); err != nil {
		return err
	}
	if totalAfter != totalBefore {
		problems = append(problems, fmt.Sprintf("the accounts summed to %d fen and now to %d", totalBefore, totalAfter))
	}
	var neg int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM accounts WHERE balance < 0 AND kind <> 'EXTERNAL'`).Scan(&neg)
	if neg > 0 {
		problems = append(problems, fmt.Sprintf("%d negative balances", neg))
	}
	var unbalanced int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT journal_id FROM ledger_entries GROUP BY journal_id HAVING SUM(amount) <> 0 OR count(*) < 2) x`).Scan(&unbalanced)
	if unbalanced > 0 {
		problems = append(problems, fmt.Sprintf("%d journals do not sum to zero", unbalanced))
	}
	var drift int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM accounts a LEFT JOIN (SELECT account_id, SUM(amount) s FROM ledger_entries GROUP BY account_id) e ON e.account_id = a.id WHERE a.balance <> COALESCE(e.s, 0)`).Scan(&drift)
	if drift > 0 {
		problems = append(problems, fmt.Sprintf("%d accounts differ from the sum of their entries", drift))
	}
	// Each key: all successful answers name the same journals, and the database holds exactly
	// those journals under the key.
	journalsByKey := map[string]string{}
	rows, err = db.QueryContext(ctx, `SELECT idempotency_key, string_agg(id, ',' ORDER BY id) FROM journals WHERE idempotency_key LIKE 'bank-%' GROUP BY partner_id, customer_id IS NULL, idempotency_key`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var k, ids string
		_ = rows.Scan(&k, &ids)
		journalsByKey[k] += ids
	}
	rows.Close()
	multi := 0
	for _, kd := range byKey {
		seen := ""
		for _, r := range kd.results {
			if r.err != nil || r.refused != "" {
				continue
			}
			ids := strings.Split(r.journals, ",")
			sortStrings(ids)
			j := strings.Join(ids, ",")
			if seen != "" && seen != j {
				problems = append(problems, fmt.Sprintf("key %s answered %s and then %s", kd.key, seen, j))
			}
			seen = j
		}
		if seen != "" {
			if got := journalsByKey[kd.key]; got != "" && got != seen && !strings.Contains(got, seen) {
				problems = append(problems, fmt.Sprintf("key %s: the client saw %s, the database holds %s", kd.key, seen, got))
			}
			if len(kd.results) > 1 {
				multi++
			}
		}
	}
	var dupKeys int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT idempotency_key FROM journals WHERE idempotency_key LIKE 'bank-%' AND batch_id IS NULL GROUP BY idempotency_key, partner_id, kind HAVING count(*) > 1) x`).Scan(&dupKeys)
	if dupKeys > 0 {
		problems = append(problems, fmt.Sprintf("%d keys had more than one effect", dupKeys))
	}
	var journals int
	_ = db.QueryRowContext(ctx, `SELECT count(*) FROM journals`).Scan(&journals)
	fmt.Printf("bank: %d clients for %s on 2 servers (kill=%v): %d succeeded, %d refused (business rules), %d unknown, %d retries (%d keys answered more than once); %d journals; total %d fen before and %d after\n",
		clients, duration, kill, nOK.Load(), nRefused.Load(), nUnknown.Load(), nRetries.Load(), multi, journals, totalBefore, totalAfter)
	fmt.Printf("bank: refusals by operation and code: %v\n", codes)
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
