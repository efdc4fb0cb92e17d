// Command alloc measures allocateBalance through the whole server (HTTP, GraphQL, auth, the
// ledger) at N concurrent clients against pgbench running the same SQL statements (pgbench.sql,
// captured from the server) on the same database in the same run, and prints both with their
// ratio. Results go to bench/results/.
//
//	go run ./bench/alloc -server bin/partnercenter -clients 8 -duration 20s
package main

import (
	"bytes"
	"database/sql"
	"flag"
	"fmt"
	"math/rand/v2"
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
	"time"

	_ "github.com/lib/pq"

	"github.com/partnercenter/partnercenter/bench/internal/harness"
)

func main() {
	bin := flag.String("server", "bin/partnercenter", "the server binary")
	admin := flag.String("db", os.Getenv("TEST_DATABASE_URL"), "PostgreSQL URL on which a scratch database is created")
	clients := flag.Int("clients", 8, "concurrent clients")
	duration := flag.Duration("duration", 20*time.Second, "measured time per run")
	runs := flag.Int("runs", 3, "alternating runs of each side; medians are reported")
	out := flag.String("out", "bench/results", "where to write the results")
	flag.Parse()
	if *admin == "" {
		*admin = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	}
	if err := run(*bin, *admin, *clients, *duration, *runs, *out); err != nil {
		fmt.Fprintln(os.Stderr, "alloc:", err)
		os.Exit(1)
	}
}

type stats struct {
	TPS           float64 `json:"tps"`
	P50, P95, P99 float64 // milliseconds
	N             int     `json:"n"`
	Errors        int     `json:"errors"`
}

func percentile(ms []float64, p float64) float64 {
	if len(ms) == 0 {
		return 0
	}
	slices.Sort(ms)
	return ms[min(len(ms)-1, int(float64(len(ms))*p))]
}

func run(bin, adminURL string, clients int, duration time.Duration, runs int, outDir string) error {
	dbURL, drop, err := harness.ScratchDB(adminURL, "pc_alloc")
	if err != nil {
		return err
	}
	defer drop()
	srv := &harness.Server{Bin: bin, DBURL: dbURL}
	if os.Getenv("ALLOC_PPROF") != "" {
		srv.Args = []string{"--dev"} // exposes /debug/pprof
	}
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Stop(syscall.SIGTERM)
	addr := srv.Addr
	fmt.Println("server at", addr)
	tok, err := harness.Login(addr, "sp.admin@example.com")
	if err != nil {
		return err
	}
	plat, err := harness.Login(addr, "platform@example.com")
	if err != nil {
		return err
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	var pid, uid, cid string
	if err := db.QueryRow(`SELECT id FROM partners WHERE name = 'Demo SP'`).Scan(&pid); err != nil {
		return err
	}
	if err := db.QueryRow(`SELECT id FROM users WHERE email = 'sp.admin@example.com'`).Scan(&uid); err != nil {
		return err
	}
	if err := db.QueryRow(`SELECT id FROM customers WHERE partner_id = $1 AND association_type = 'RESALE' ORDER BY id LIMIT 1`, pid).Scan(&cid); err != nil {
		return err
	}
	if r, err := harness.Call(addr, plat, `mutation($p:ID!){ recordRecharge(input:{partnerID:$p, amount:"100000000.00"}, idempotencyKey:"bench-fund"){ journal { id } } }`, map[string]any{"p": pid}); err != nil || len(r.Errors) > 0 {
		return fmt.Errorf("funding: %v %v", err, r)
	}
	var a1, a2, th string
	k1, k2 := "PARTNER_CASH:"+pid, "CUSTOMER_ALLOCATED:"+cid
	if err := db.QueryRow(`SELECT id FROM accounts WHERE owner_key = $1`, k1).Scan(&a1); err != nil {
		return err
	}
	if err := db.QueryRow(`SELECT id FROM accounts WHERE owner_key = $1`, k2).Scan(&a2); err != nil {
		return err
	}
	if err := db.QueryRow(`SELECT token_hash FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, uid).Scan(&th); err != nil {
		return err
	}

	serverRun := func(d time.Duration) stats {
		var mu sync.Mutex
		var lat []float64
		errs := 0
		deadline := time.Now().Add(d)
		var wg sync.WaitGroup
		start := time.Now()
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				for i := 0; time.Now().Before(deadline); i++ {
					t0 := time.Now()
					r, err := harness.Call(addr, tok, `mutation($c:ID!,$k:String!){ allocateBalance(input:{customerID:$c, amount:"0.01"}, idempotencyKey:$k){ journal { id transactionNo } userErrors { code } } }`,
						map[string]any{"c": cid, "k": fmt.Sprintf("b-%d-%d-%d", c, i, rand.Uint64())})
					if err == nil && (len(r.Errors) > 0 || !bytes.Contains(r.Data["allocateBalance"], []byte("transactionNo"))) {
						err = fmt.Errorf("refused: %v %s", r.Errors, r.Data["allocateBalance"])
					}
					ms := float64(time.Since(t0).Microseconds()) / 1000
					mu.Lock()
					if err != nil {
						errs++
					} else {
						lat = append(lat, ms)
					}
					mu.Unlock()
				}
			}(c)
		}
		wg.Wait()
		el := time.Since(start).Seconds()
		return stats{TPS: float64(len(lat)) / el, P50: percentile(lat, .5), P95: percentile(lat, .95), P99: percentile(lat, .99), N: len(lat), Errors: errs}
	}
	script, err := filepath.Abs("bench/alloc/pgbench.sql")
	if err != nil {
		return err
	}
	pgbench := "pgbench"
	if _, err := exec.LookPath(pgbench); err != nil {
		matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pgbench")
		if len(matches) == 0 {
			return fmt.Errorf("pgbench not found: install postgresql-client")
		}
		pgbench = matches[len(matches)-1]
	}
	pgRun := func(d time.Duration) (stats, error) {
		logDir, _ := os.MkdirTemp("", "pgbench")
		defer os.RemoveAll(logDir)
		cmd := exec.Command(pgbench, "-n", "-M", "extended", "-c", strconv.Itoa(clients), "-j", strconv.Itoa(min(clients, runtime.NumCPU())),
			"-T", strconv.Itoa(int(d.Seconds())), "-f", script, "-l", "--log-prefix", filepath.Join(logDir, "tx"),
			"-D", "th="+th, "-D", "uid="+uid, "-D", "pid="+pid, "-D", "cid="+cid, "-D", "k1="+k1, "-D", "k2="+k2, "-D", "a1="+a1, "-D", "a2="+a2, dbURL)
		var so bytes.Buffer
		cmd.Stdout, cmd.Stderr = &so, &so
		if err := cmd.Run(); err != nil {
			return stats{}, fmt.Errorf("pgbench: %v\n%s", err, so.String())
		}
		m := regexp.MustCompile(`tps = ([0-9.]+)`).FindStringSubmatch(so.String())
		if m == nil {
			return stats{}, fmt.Errorf("pgbench output: %s", so.String())
		}
		tps, _ := strconv.ParseFloat(m[1], 64)
		var lat []float64
		files, _ := filepath.Glob(filepath.Join(logDir, "tx*"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			for _, line := range strings.Split(string(b), "\n") {
				if fs := strings.Fields(line); len(fs) >= 3 {
					us, _ := strconv.ParseFloat(fs[2], 64)
					lat = append(lat, us/1000)
				}
			}
		}
		return stats{TPS: tps, P50: percentile(lat, .5), P95: percentile(lat, .95), P99: percentile(lat, .99), N: len(lat)}, nil
	}

	serverRun(3 * time.Second) // warm up
	var ours, theirs []stats
	for i := 0; i < runs; i++ {
		s := serverRun(duration)
		fmt.Printf("run %d  server   %8.1f tps  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (%d ok, %d errors)\n", i+1, s.TPS, s.P50, s.P95, s.P99, s.N, s.Errors)
		ours = append(ours, s)
		p, err := pgRun(duration)
		if err != nil {
			return err
		}
		fmt.Printf("run %d  pgbench  %8.1f tps  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms\n", i+1, p.TPS, p.P50, p.P95, p.P99)
		theirs = append(theirs, p)
	}
	med := func(xs []stats) stats {
		slices.SortFunc(xs, func(a, b stats) int { return int(a.TPS*1000 - b.TPS*1000) })
		return xs[len(xs)/2]
	}
	o, t := med(ours), med(theirs)
	ratio := o.TPS / t.TPS
	host, _ := os.Hostname()
	commit, _ := exec.Command("git", "rev-parse", "--short", "HEAD").Output()
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		mem = strings.Fields(strings.SplitN(string(b), "\n", 2)[0])[1] + " kB"
	}
	table := fmt.Sprintf(`allocateBalance at %d clients, %s x %d alternating runs (medians), %s, %d cores, %s memory, commit %s
| side | tps | p50 ms | p95 ms | p99 ms |
|---|---|---|---|---|
| server (HTTP + GraphQL + ledger) | %.1f | %.2f | %.2f | %.2f |
| pgbench, same statements | %.1f | %.2f | %.2f | %.2f |
ratio server/pgbench: %.2f (target >= 0.60, aim 0.75); server p95 %.2f ms (target < 15 ms)
`, clients, duration, runs, time.Now().Format("2006-01-02 15:04"), runtime.NumCPU(), mem, strings.TrimSpace(string(commit)),
		o.TPS, o.P50, o.P95, o.P99, t.TPS, t.P50, t.P95, t.P99, ratio, o.P95)
	fmt.Print("\n" + table)
	_ = host
	if err := os.MkdirAll(outDir, 0o755); err == nil {
		f := filepath.Join(outDir, "alloc-"+time.Now().Format("20060102-1504")+".md")
		_ = os.WriteFile(f, []byte(table), 0o644)
		fmt.Println("written to", f)
	}
	return nil
}
