// Command coupons measures issueCoupons of 100 vouchers through the whole server (HTTP, GraphQL,
// auth, the ledger) at N concurrent clients against pgbench running the same SQL statements
// (pgbench.sql, captured from the server by TestIssueCouponsStatements) on the same database in
// the same run, alternating the two, and prints batches per second of both, their ratio and the
// latencies. Results go to bench/results/.
//
//	go run ./bench/coupons -server bin/partnercenter -clients 4 -duration 10s -runs 3
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/template"
	"time"

	_ "github.com/lib/pq"

	"github.com/partnercenter/partnercenter/bench/internal/harness"
	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/demo"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

const (
	partnerName = "Demo SP"
	adminEmail  = "sp.admin@example.com"
	scriptPath  = "bench/coupons/pgbench.sql"
)

func main() {
	bin := flag.String("server", "bin/partnercenter", "the server binary")
	admin := flag.String("db", os.Getenv("TEST_DATABASE_URL"), "PostgreSQL URL on which a scratch database is created")
	clients := flag.Int("clients", 4, "concurrent clients")
	duration := flag.Duration("duration", 10*time.Second, "measured time per run")
	runs := flag.Int("runs", 3, "alternating pairs of runs; medians are reported")
	batch := flag.Int("batch", 100, "customers (vouchers) per issueCoupons")
	shared := flag.Bool("shared-quota", false, "every client issues out of one quota (its account a hot row); default: one quota of Demo SP per client")
	out := flag.String("out", "bench/results", "where to write the results")
	flag.Parse()
	if err := run(*bin, harness.AdminURL(*admin), *clients, *batch, *duration, *runs, *shared, *out); err != nil {
		fmt.Fprintln(os.Stderr, "coupons:", err)
		os.Exit(1)
	}
}

type stats struct {
	BPS           float64 // batches per second
	P50, P95, P99 float64 // milliseconds
	N, Errors     int
	// CPU time per batch, in ms: the server (none for pgbench), the database (every postgres
	// process) and the load generator (our client or pgbench).
	ServerCPU, DBCPU, ClientCPU float64
}

func cpuMs(d time.Duration, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(d.Microseconds()) / 1000 / float64(n)
}

func selfCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// client is what one client issues with: its session and quota, and what pgbench needs of them.
type client struct {
	token, th, quota, quotaAccount string
}

// addCustomers gives Demo SP n more resale customers (the demo world has about 30), with their
// associations, and answers their IDs.
func addCustomers(ctx context.Context, url string, n int) ([]string, error) {
	d, err := db.Open(ctx, url, db.Options{})
	if err != nil {
		return nil, err
	}
	defer d.Close()
	ctx = viewer.SystemContext(ctx)
	sp, err := d.Client.Partner.Query().Where(partner.Name(partnerName)).Only(ctx)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	creates := make([]*ent.CustomerCreate, n)
	for i := range creates {
		creates[i] = d.Client.Customer.Create().SetAccountName(fmt.Sprintf("bench_c%04d", i)).SetName(fmt.Sprintf("Bench customer %d", i)).
			SetMobile(fmt.Sprintf("0086-1380000%04d", i)).SetEmail(fmt.Sprintf("bench.customer%04d@example.com", i)).SetProvinceCode("110000").SetCityCode("110100").
			SetPartnerID(sp.ID).SetAssociationType(customer.AssociationTypeRESALE).SetAssociatedAt(now)
	}
	cs, err := d.Client.Customer.CreateBulk(creates...).Save(ctx)
	if err != nil {
		return nil, err
	}
	acs := make([]*ent.AssociationCreate, len(cs))
	for i, cu := range cs {
		acs[i] = d.Client.Association.Create().SetCustomerID(cu.ID).SetPartnerID(sp.ID).SetType(association.TypeRESALE).SetSince(now)
	}
	if err := d.Client.Association.CreateBulk(acs...).Exec(ctx); err != nil {
		return nil, err
	}
	ids := make([]string, n)
	for i, cu := range cs {
		ids[i] = string(cu.ID)
	}
	return ids, nil
}

const grantQ = `mutation($p:ID!,$v:Decimal!,$from:Time!,$until:Time!,$k:String!){
  grantCouponQuota(input:{partnerID:$p, kind:VOUCHER, value:$v, validFrom:$from, validUntil:$until}, idempotencyKey:$k){ quota { id } userErrors { code message } } }`

func run(bin, adminURL string, clients, batch int, duration time.Duration, runs int, shared bool, outDir string) error {
	dbURL, drop, err := harness.ScratchDB(adminURL, "pc_coupons")
	if err != nil {
		return err
	}
	defer drop()
	srv := &harness.Server{Bin: bin, DBURL: dbURL} // the demo world
	profile := os.Getenv("COUPONS_PPROF")          // a file: after the runs, one more server run is profiled into it
	if profile != "" {
		srv.Args = []string{"--dev"} // exposes /debug/pprof
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Stop(syscall.SIGTERM)
	addr := srv.Addr
	customers, err := addCustomers(context.Background(), dbURL, batch)
	if err != nil {
		return fmt.Errorf("customers: %w", err)
	}
	sqldb, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer sqldb.Close()
	var pid, uid, operator string
	if err := sqldb.QueryRow(`SELECT p.id, u.id, u.display_name FROM partners p JOIN users u ON u.partner_id = p.id WHERE p.name = $1 AND u.email = $2`, partnerName, adminEmail).
		Scan(&pid, &uid, &operator); err != nil {
		return err
	}
	// The platform grants the quotas: large enough that no run uses them up.
	plat, err := harness.Login(addr, "platform@example.com")
	if err != nil {
		return err
	}
	from, until := time.Now().Add(-time.Hour).Truncate(time.Second), time.Now().AddDate(0, 6, 0).Truncate(time.Second)
	quotas := clients
	if shared {
		quotas = 1
	}
	var quotaIDs []string
	for i := range quotas {
		r, err := harness.Call(addr, plat, grantQ, map[string]any{"p": pid, "v": "100000000.00", "from": from.Format(time.RFC3339), "until": until.Format(time.RFC3339),
			"k": fmt.Sprintf("bench-grant-%d", i)})
		if err != nil || len(r.Errors) > 0 {
			return fmt.Errorf("grant: %v %v", err, r)
		}
		var p struct{ Quota *struct{ ID string } }
		if err := json.Unmarshal(r.Data["grantCouponQuota"], &p); err != nil || p.Quota == nil {
			return fmt.Errorf("grant: %s", r.Data["grantCouponQuota"])
		}
		quotaIDs = append(quotaIDs, p.Quota.ID)
	}
	// One session per client, as four admins at four browsers would have.
	cs := make([]client, clients)
	for c := range cs {
		if cs[c].token, err = harness.LoginWith(addr, adminEmail, demo.Password); err != nil {
			return err
		}
		sum := sha256.Sum256([]byte(cs[c].token))
		cs[c].th = hex.EncodeToString(sum[:])
		cs[c].quota = quotaIDs[c%len(quotaIDs)]
		if err := sqldb.QueryRow(`SELECT id FROM accounts WHERE owner_key = $1`, "COUPON_QUOTA:"+cs[c].quota).Scan(&cs[c].quotaAccount); err != nil {
			return fmt.Errorf("the quota's account: %w", err)
		}
	}
	// pgbench reads each client's values from a table (one primary-key look-up per transaction).
	if _, err := sqldb.Exec(`CREATE TABLE bench_coupons_map (n int PRIMARY KEY, th text, uid text, pid text, sc text, q text, qa text, qk text)`); err != nil {
		return err
	}
	for c, cl := range cs {
		if _, err := sqldb.Exec(`INSERT INTO bench_coupons_map VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, c, cl.th, uid, pid, "partner:"+pid, cl.quota, cl.quotaAccount, "COUPON_QUOTA:"+cl.quota); err != nil {
			return err
		}
	}
	script, err := renderScript(customers, from, until, operator)
	if err != nil {
		return err
	}
	defer os.Remove(script)
	if _, err := sqldb.Exec(`CHECKPOINT`); err != nil {
		return fmt.Errorf("CHECKPOINT: %w", err)
	}

	ids, _ := json.Marshal(customers)
	serverRun := func(d time.Duration) stats {
		var mu sync.Mutex
		var lat []float64
		errs := 0
		deadline := time.Now().Add(d)
		var wg sync.WaitGroup
		start := time.Now()
		srv0, db0, self0 := harness.ProcCPU(srv.PID()), harness.PostgresCPU(), selfCPU()
		want := []byte(fmt.Sprintf(`"succeeded":%d`, batch))
		for c := range cs {
			wg.Add(1)
			go func(cl client) {
				defer wg.Done()
				prefix := fmt.Appendf(nil, `{"query":"mutation($q:ID!,$ids:[ID!]!,$k:String!){ issueCoupons(input:{quotaID:$q, customerIDs:$ids, faceValue:\"1.00\"}, idempotencyKey:$k){ succeeded failed userErrors { code } } }","variables":{"q":"%s","ids":%s,"k":"`, cl.quota, ids)
				conn, err := harness.Dial(addr, cl.token)
				if err != nil {
					mu.Lock()
					errs++
					mu.Unlock()
					return
				}
				defer conn.Close()
				var body, resp []byte
				for time.Now().Before(deadline) {
					body = fmt.Appendf(append(body[:0], prefix...), `bc-%d"}}`, rand.Uint64())
					t0 := time.Now()
					var err error
					resp, err = conn.Post(body, resp)
					if err == nil && (bytes.Contains(resp, []byte(`"errors"`)) || !bytes.Contains(resp, want)) {
						err = fmt.Errorf("refused: %.300s", resp)
					}
					ms := float64(time.Since(t0).Microseconds()) / 1000
					mu.Lock()
					if err != nil {
						if errs == 0 {
							fmt.Fprintln(os.Stderr, err)
						}
						errs++
					} else {
						lat = append(lat, ms)
					}
					mu.Unlock()
				}
			}(cs[c])
		}
		wg.Wait()
		n := len(lat)
		return stats{BPS: float64(n) / time.Since(start).Seconds(), P50: harness.Percentile(lat, .5), P95: harness.Percentile(lat, .95), P99: harness.Percentile(lat, .99), N: n, Errors: errs,
			ServerCPU: cpuMs(harness.ProcCPU(srv.PID())-srv0, n), DBCPU: cpuMs(harness.PostgresCPU()-db0, n), ClientCPU: cpuMs(selfCPU()-self0, n)}
	}
	pgbench := harness.Pgbench()
	pgRun := func(d time.Duration) (stats, error) {
		logDir, _ := os.MkdirTemp("", "pgbench")
		defer os.RemoveAll(logDir)
		cmd := exec.Command(pgbench, "-n", "-M", "simple", "-c", strconv.Itoa(clients), "-j", strconv.Itoa(min(clients, runtime.NumCPU())),
			"-T", strconv.Itoa(int(d.Seconds())), "-f", script, "-l", "--log-prefix", filepath.Join(logDir, "tx"), dbURL)
		var so bytes.Buffer
		cmd.Stdout, cmd.Stderr = &so, &so
		// The database's CPU is sampled inside the run (pgbench's connections end with it), from
		// 1 s after the start to 1 s before the end, per batch that ended in that window.
		type sample struct {
			at  time.Time
			cpu time.Duration
		}
		window := make(chan [2]sample, 1)
		go func() {
			time.Sleep(time.Second)
			a := sample{time.Now(), harness.PostgresCPU()}
			time.Sleep(d - 2*time.Second)
			window <- [2]sample{a, {time.Now(), harness.PostgresCPU()}}
		}()
		// pgbench only counts transactions: that each wrote what a request writes is checked by
		// counting its rows.
		c0, err := countRows(sqldb, true)
		if err != nil {
			return stats{}, err
		}
		if err := cmd.Run(); err != nil {
			return stats{}, fmt.Errorf("pgbench: %v\n%s", err, so.String())
		}
		c1, err := countRows(sqldb, true)
		if err != nil {
			return stats{}, err
		}
		w := <-window
		m := regexp.MustCompile(`tps = ([0-9.]+)`).FindStringSubmatch(so.String())
		if m == nil {
			return stats{}, fmt.Errorf("pgbench output: %s", so.String())
		}
		tps, _ := strconv.ParseFloat(m[1], 64)
		lat := harness.PgbenchLatencies(logDir)
		if err := checkRows(c0, c1, batch, len(lat)); err != nil {
			return stats{}, fmt.Errorf("pgbench: %w", err)
		}
		return stats{BPS: tps, P50: harness.Percentile(lat, .5), P95: harness.Percentile(lat, .95), P99: harness.Percentile(lat, .99), N: len(lat),
			DBCPU:     cpuMs(w[1].cpu-w[0].cpu, harness.PgbenchCount(logDir, w[0].at, w[1].at)),
			ClientCPU: cpuMs(cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime(), len(lat))}, nil
	}

	if s := serverRun(3 * time.Second); s.Errors > 0 { // warm up
		return fmt.Errorf("warm-up: %d of %d batches failed", s.Errors, s.Errors+s.N)
	}
	// Pairs of runs, server then pgbench or (every other pair) pgbench then server, so that a
	// machine whose speed drifts favours neither side; each pair's ratio compares neighbours.
	var ours, theirs []stats
	var pairs []float64
	errs := 0
	load0 := loadavg()
	for i := range runs {
		var s, p stats
		server := func() error {
			c0, err := countRows(sqldb, false)
			if err != nil {
				return err
			}
			s = serverRun(duration)
			errs += s.Errors
			c1, err := countRows(sqldb, false)
			if err != nil {
				return err
			}
			if err := checkRows(c0, c1, batch, s.N); err != nil && s.Errors == 0 {
				return fmt.Errorf("server: %w", err)
			}
			fmt.Printf("run %d  server   %6.1f batches/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d ok, %d errors)  CPU/batch: server %.2f, db %.2f, client %.2f ms\n",
				i+1, s.BPS, s.P50, s.P95, s.P99, s.N, s.Errors, s.ServerCPU, s.DBCPU, s.ClientCPU)
			return nil
		}
		bench := func() error {
			var err error
			if p, err = pgRun(duration); err != nil {
				return err
			}
			fmt.Printf("run %d  pgbench  %6.1f batches/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d ok)  CPU/batch: db %.2f, client %.2f ms\n",
				i+1, p.BPS, p.P50, p.P95, p.P99, p.N, p.DBCPU, p.ClientCPU)
			return nil
		}
		first, second := server, bench
		if i%2 == 1 {
			first, second = bench, server
		}
		if err := first(); err != nil {
			return err
		}
		if err := second(); err != nil {
			return err
		}
		ours, theirs = append(ours, s), append(theirs, p)
		pairs = append(pairs, s.BPS/p.BPS)
	}
	if profile != "" {
		got := make(chan error, 1)
		go func() {
			secs := max(1, int(duration.Seconds())-1)
			resp, err := http.Get(fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, secs))
			if err != nil {
				got <- err
				return
			}
			defer resp.Body.Close()
			f, err := os.Create(profile)
			if err == nil {
				_, err = io.Copy(f, resp.Body)
				f.Close()
			}
			got <- err
		}()
		s := serverRun(duration)
		if err := <-got; err != nil {
			return fmt.Errorf("profile: %w", err)
		}
		fmt.Printf("profiled run: server %.1f batches/s, CPU/batch: server %.2f ms; profile in %s\n", s.BPS, s.ServerCPU, profile)
	}
	pairList := make([]string, len(pairs))
	for i, r := range pairs {
		pairList[i] = fmt.Sprintf("%.2f", r)
	}
	slices.Sort(pairs)
	paired := pairs[len(pairs)/2]
	med := func(xs []stats) stats {
		slices.SortFunc(xs, func(a, b stats) int { return int(a.BPS*1000 - b.BPS*1000) })
		return xs[len(xs)/2]
	}
	o, t := med(ours), med(theirs)
	p95s := make([]string, len(ours))
	for i, s := range ours {
		p95s[i] = fmt.Sprintf("%.0f", s.P95)
	}
	mode := fmt.Sprintf("one quota of Demo SP per client, the same %d resale customers", batch)
	if shared {
		mode = fmt.Sprintf("one quota of Demo SP for every client (a hot row), the same %d resale customers", batch)
	}
	table := fmt.Sprintf(`issueCoupons of %d vouchers (face value 1.00) at %d clients, %s, %s x %d alternating pairs of runs (medians), %s, %d cores, commit %s
| side | batches/s | vouchers/s | p50 ms | p95 ms | p99 ms | CPU ms/batch: server | database | load generator |
|---|---|---|---|---|---|---|---|---|
| server (HTTP + GraphQL + ledger) | %.1f | %.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f |
| pgbench -M simple, same statements, rows and round trips (+1 PK look-up of its values) | %.1f | %.0f | %.1f | %.1f | %.1f | - | %.2f | %.2f |
ratio server/pgbench: %.2f, the median of the pairs' ratios (%s; the medians of each side: %.2f) (target >= 0.50); server p95 %.1f ms (runs: %s) (target < 300 ms); %d server errors
load average (1 min) before the runs %s, after %s (the database CPU counts every postgres process on the machine)
`, batch, clients, mode, duration, runs, time.Now().Format("2006-01-02 15:04"), runtime.NumCPU(), harness.Commit(),
		o.BPS, o.BPS*float64(batch), o.P50, o.P95, o.P99, o.ServerCPU, o.DBCPU, o.ClientCPU,
		t.BPS, t.BPS*float64(batch), t.P50, t.P95, t.P99, t.DBCPU, t.ClientCPU,
		paired, strings.Join(pairList, ", "), o.BPS/t.BPS, o.P95, strings.Join(p95s, ", "), errs, load0, loadavg())
	fmt.Print("\n" + table)
	if err := os.MkdirAll(outDir, 0o755); err == nil {
		name := fmt.Sprintf("coupons-batch%d-", batch)
		if shared {
			name += "shared-"
		}
		f := filepath.Join(outDir, name+fmt.Sprint(clients)+"c-"+time.Now().Format("20060102-1504")+".md")
		_ = os.WriteFile(f, []byte(table), 0o644)
		fmt.Println("written to", f)
	}
	if errs > 0 {
		return fmt.Errorf("%d server batches failed", errs)
	}
	return nil
}

// tables are what one batch writes, with the ID prefix of pgbench's rows and the rows per voucher.
var tables = []struct {
	name, prefix string
	perVoucher   int
}{
	{"coupons", "cpn", 1}, {"accounts", "acc", 1}, {"journals", "jnl", 1}, {"ledger_entries", "ent", 2}, {"coupon_records", "crd", 1},
	{"audit_logs", "aud", 0}, {"idempotency_records", "idm", 0},
}

// countRows counts the rows of tables written by pgbench (its IDs begin PG) or by the server.
func countRows(db *sql.DB, pgbench bool) ([]int, error) {
	n := make([]int, len(tables))
	for i, t := range tables {
		op := "NOT LIKE"
		if pgbench {
			op = "LIKE"
		}
		if err := db.QueryRow(`SELECT count(*) FROM ` + t.name + ` WHERE id ` + op + ` '` + t.prefix + `\_PG%'`).Scan(&n[i]); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// checkRows says whether n batches wrote what they should have between two counts: per voucher a
// coupon, its account, a journal, two entries and a record; per batch an audit record and a key.
func checkRows(c0, c1 []int, batch, n int) error {
	for i, t := range tables {
		want := n * batch * t.perVoucher
		if t.perVoucher == 0 {
			want = n
		}
		if c1[i]-c0[i] != want {
			return fmt.Errorf("%d batches wrote %d rows of %s, want %d", n, c1[i]-c0[i], t.name, want)
		}
	}
	return nil
}

// loadavg is the machine's 1-minute load average (others' processes share it).
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Fields(string(b))[0]
}

// renderScript writes pgbench.sql for these customers, the quota's validity and the admin's name,
// behind the look-up of the client's values, to a temporary file.
func renderScript(customers []string, from, until time.Time, operator string) (string, error) {
	body, err := os.ReadFile(scriptPath)
	if err != nil {
		return "", err
	}
	tpl, err := template.New("pgbench").Parse(string(body))
	if err != nil {
		return "", err
	}
	for _, c := range customers {
		if !gid.ID(c).Valid() {
			return "", fmt.Errorf("customer ID %q", c)
		}
	}
	sum := sha256.Sum256([]byte("bench")) // the request's hash: 64 hex digits like the server's
	var b bytes.Buffer
	// pgbench numbers its clients from 0, as the map does.
	b.WriteString("SELECT th, uid, pid, sc, q, qa, qk FROM bench_coupons_map WHERE n = :client_id \\gset\n")
	if err := tpl.Execute(&b, map[string]any{
		"Customers": customers, "Hash": hex.EncodeToString(sum[:]), "Total": -100 * len(customers),
		"From": from.UTC().Format("2006-01-02 15:04:05+00"), "Until": until.UTC().Format("2006-01-02 15:04:05+00"),
		"Operator": strings.ReplaceAll(operator, "'", "''"),
	}); err != nil {
		return "", err
	}
	f, err := os.CreateTemp("", "coupons-*.sql")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.Write(b.Bytes())
	return f.Name(), err
}
