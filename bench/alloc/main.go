// Command alloc measures allocateBalance through the whole server (HTTP, GraphQL, auth, the
// ledger) at N concurrent clients against pgbench running the same SQL statements (pgbench.sql,
// captured from the server) on the same database in the same run, and prints both with their
// ratio. Results go to bench/results/.
//
//	go run ./bench/alloc -server bin/partnercenter -clients 8 -duration 20s
package main

import (
	"bytes"
	"context"
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

	"github.com/partnercenter/partnercenter/bench/internal/gen"
	"github.com/partnercenter/partnercenter/bench/internal/harness"
)

func main() {
	bin := flag.String("server", "bin/partnercenter", "the server binary")
	admin := flag.String("db", os.Getenv("TEST_DATABASE_URL"), "PostgreSQL URL on which a scratch database is created")
	clients := flag.Int("clients", 8, "concurrent clients")
	duration := flag.Duration("duration", 20*time.Second, "measured time per run")
	runs := flag.Int("runs", 3, "alternating runs of each side; medians are reported")
	out := flag.String("out", "bench/results", "where to write the results")
	spread := flag.Bool("spread", false, "each client is a different partner allocating to its own customer (no shared row); default: every client allocates from one partner to one customer (one hot row)")
	batch := flag.Int("batch", 0, "measure batchAllocateBalance to this many customers instead (each client a partner of its own; no pgbench side)")
	flag.Parse()
	if *batch > 0 {
		if err := runBatch(*bin, harness.AdminURL(*admin), *clients, *batch, *duration, *out); err != nil {
			fmt.Fprintln(os.Stderr, "alloc:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*bin, harness.AdminURL(*admin), *clients, *duration, *runs, *out, *spread); err != nil {
		fmt.Fprintln(os.Stderr, "alloc:", err)
		os.Exit(1)
	}
}

type stats struct {
	TPS           float64 `json:"tps"`
	P50, P95, P99 float64 // milliseconds
	N             int     `json:"n"`
	Errors        int     `json:"errors"`
	// CPU time per transaction, in ms: the serving side (our server or nothing for pgbench), the
	// database (every postgres process), and the load generator (our client or pgbench).
	ServerCPU, DBCPU, ClientCPU float64
}

// cpuMs is d per n transactions, in milliseconds.
func cpuMs(d time.Duration, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(d.Microseconds()) / 1000 / float64(n)
}

// selfCPU is the CPU time this process (the load generator) has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// target is what one client allocates with: its token and the IDs pgbench needs.
type target struct{ token, th, uid, pid, cid, k1, k2, a1, a2 string }

func run(bin, adminURL string, clients int, duration time.Duration, runs int, outDir string, spread bool) error {
	dbURL, drop, err := harness.ScratchDB(adminURL, "pc_alloc")
	if err != nil {
		return err
	}
	defer drop()
	if spread { // one generated solution provider per client, each with customers and a large balance
		// (gen makes every seventh partner of each kind; a distributor's viewer would also read its
		// resellers on every request, a statement pgbench's script does not have). A partner count
		// divisible by 3 would leave some partners only advisory customers (gen makes every third
		// customer advisory, round robin over the partners).
		partners := 4*clients + 7
		if partners%3 == 0 {
			partners++
		}
		if _, err := gen.Load(context.Background(), dbURL, float64(partners)/1000, 1); err != nil {
			return err
		}
	}
	srv := &harness.Server{Bin: bin, DBURL: dbURL}
	if spread {
		srv.Args = []string{"--demo=false"}
	}
	if os.Getenv("ALLOC_PPROF") != "" {
		srv.Args = append(srv.Args, "--dev") // exposes /debug/pprof
	}
	// lib/pq sends every statement unnamed (parse, bind, execute): pgbench's extended protocol.
	protocol := "extended"
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Stop(syscall.SIGTERM)
	addr := srv.Addr
	if os.Getenv("ALLOC_PPROF") != "" {
		fmt.Println("server at", addr)
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	// resolve finds what one client allocates with, after logging in as the partner's admin.
	resolve := func(email, password, partnerName string) (target, error) {
		token, err := harness.LoginWith(addr, email, password)
		if err != nil {
			return target{}, err
		}
		tg := target{token: token}
		if err := db.QueryRow(`SELECT id FROM partners WHERE name = $1`, partnerName).Scan(&tg.pid); err != nil {
			return tg, err
		}
		if err := db.QueryRow(`SELECT id FROM users WHERE email = $1`, email).Scan(&tg.uid); err != nil {
			return tg, err
		}
		if err := db.QueryRow(`SELECT id FROM customers WHERE partner_id = $1 AND association_type = 'RESALE' ORDER BY id LIMIT 1`, tg.pid).Scan(&tg.cid); err != nil {
			return tg, err
		}
		tg.k1, tg.k2 = "PARTNER_CASH:"+tg.pid, "CUSTOMER_ALLOCATED:"+tg.cid
		if err := db.QueryRow(`SELECT id FROM accounts WHERE owner_key = $1`, tg.k1).Scan(&tg.a1); err != nil {
			return tg, err
		}
		if err := db.QueryRow(`SELECT id FROM accounts WHERE owner_key = $1`, tg.k2).Scan(&tg.a2); err != nil {
			return tg, err
		}
		return tg, db.QueryRow(`SELECT token_hash FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`, tg.uid).Scan(&tg.th)
	}
	targets := make([]target, clients)
	if spread {
		rows, err := db.Query(`SELECT p.name, u.email FROM partners p JOIN users u ON u.partner_id = p.id WHERE p.kind = 'SOLUTION_PROVIDER' ORDER BY p.name LIMIT $1`, clients)
		if err != nil {
			return err
		}
		var admins [][2]string
		for rows.Next() {
			var name, email string
			if err := rows.Scan(&name, &email); err != nil {
				return err
			}
			admins = append(admins, [2]string{name, email})
		}
		rows.Close()
		if len(admins) < clients {
			return fmt.Errorf("%d generated solution providers for %d clients", len(admins), clients)
		}
		for c := range targets {
			if targets[c], err = resolve(admins[c][1], gen.Password, admins[c][0]); err != nil {
				return fmt.Errorf("client %d (%s): %w", c, admins[c][0], err)
			}
		}
	} else {
		tg, err := resolve("sp.admin@example.com", "Demo@12345", "Demo SP")
		if err != nil {
			return err
		}
		plat, err := harness.Login(addr, "platform@example.com")
		if err != nil {
			return err
		}
		if r, err := harness.Call(addr, plat, `mutation($p:ID!){ recordRecharge(input:{partnerID:$p, amount:"100000000.00"}, idempotencyKey:"bench-fund"){ journal { id } } }`, map[string]any{"p": tg.pid}); err != nil || len(r.Errors) > 0 {
			return fmt.Errorf("funding: %v %v", err, r)
		}
		for c := range targets {
			targets[c] = tg
		}
	}
	// pgbench reads each client's values from a table (one primary-key look-up per transaction).
	if _, err := db.Exec(`CREATE TABLE bench_alloc_map (n int PRIMARY KEY, th text, uid text, pid text, cid text, k1 text, k2 text, a1 text, a2 text)`); err != nil {
		return err
	}
	for c, tg := range targets {
		if _, err := db.Exec(`INSERT INTO bench_alloc_map VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, c, tg.th, tg.uid, tg.pid, tg.cid, tg.k1, tg.k2, tg.a1, tg.a2); err != nil {
			return err
		}
	}
	// No checkpoint still owed by earlier loads (make bench loads a million rows first) should
	// land inside a measured run.
	if _, err := db.Exec(`CHECKPOINT`); err != nil {
		return fmt.Errorf("CHECKPOINT: %w", err)
	}

	serverRun := func(d time.Duration) stats {
		var mu sync.Mutex
		var lat []float64
		errs := 0
		deadline := time.Now().Add(d)
		var wg sync.WaitGroup
		start := time.Now()
		srv0, db0, self0 := harness.ProcCPU(srv.PID()), harness.PostgresCPU(), selfCPU()
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				// A lean client (one keep-alive connection written to directly, reused buffers, no
				// JSON trees) so that the load generator takes as little of the shared CPU as
				// pgbench's own client does.
				prefix := []byte(`{"query":"mutation($c:ID!,$k:String!){ allocateBalance(input:{customerID:$c, amount:\"0.01\"}, idempotencyKey:$k){ journal { id transactionNo } userErrors { code } } }","variables":{"c":"` + targets[c].cid + `","k":"`)
				conn, err := harness.Dial(addr, targets[c].token)
				if err != nil {
					mu.Lock()
					errs++
					mu.Unlock()
					return
				}
				defer conn.Close()
				var body, resp []byte
				for i := 0; time.Now().Before(deadline); i++ {
					body = fmt.Appendf(append(body[:0], prefix...), `b-%d-%d-%d"}}`, c, i, rand.Uint64())
					t0 := time.Now()
					var err error
					resp, err = conn.Post(body, resp)
					if err == nil && (bytes.Contains(resp, []byte(`"errors"`)) || !bytes.Contains(resp, []byte(`"transactionNo"`))) {
						err = fmt.Errorf("refused: %s", resp)
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
		n := len(lat)
		return stats{TPS: float64(n) / el, P50: harness.Percentile(lat, .5), P95: harness.Percentile(lat, .95), P99: harness.Percentile(lat, .99), N: n, Errors: errs,
			ServerCPU: cpuMs(harness.ProcCPU(srv.PID())-srv0, n), DBCPU: cpuMs(harness.PostgresCPU()-db0, n), ClientCPU: cpuMs(selfCPU()-self0, n)}
	}
	// ALLOC_PGBENCH_SQL runs another script on pgbench's side (for experiments; the table says so).
	scriptPath := "bench/alloc/pgbench.sql"
	if p := os.Getenv("ALLOC_PGBENCH_SQL"); p != "" {
		scriptPath = p
	}
	body, err := os.ReadFile(scriptPath)
	if err != nil {
		return err
	}
	sf, err := os.CreateTemp("", "alloc-*.sql")
	if err != nil {
		return err
	}
	defer os.Remove(sf.Name())
	// pgbench numbers its clients from 0, as the map does.
	if _, err := sf.WriteString("SELECT th, uid, pid, cid, k1, k2, a1, a2 FROM bench_alloc_map WHERE n = :client_id \\gset\n" + string(body)); err != nil {
		return err
	}
	sf.Close()
	script := sf.Name()
	pgbench := harness.Pgbench()
	pgRun := func(d time.Duration) (stats, error) {
		logDir, _ := os.MkdirTemp("", "pgbench")
		defer os.RemoveAll(logDir)
		cmd := exec.Command(pgbench, "-n", "-M", protocol, "-c", strconv.Itoa(clients), "-j", strconv.Itoa(min(clients, runtime.NumCPU())),
			"-T", strconv.Itoa(int(d.Seconds())), "-f", script, "-l", "--log-prefix", filepath.Join(logDir, "tx"), dbURL)
		var so bytes.Buffer
		cmd.Stdout, cmd.Stderr = &so, &so
		// The database's CPU is sampled inside the run (pgbench's connections end with it),
		// from 1 s after the start to 1 s before the end, and divided by the transactions that
		// ended in that window.
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
		// pgbench only counts transactions: that they did the work (a gate in the statement
		// could let it write nothing) is checked by counting what they wrote.
		var j0, j1 int
		if err := db.QueryRow(`SELECT count(*) FROM journals WHERE id LIKE 'jnl_pg_%'`).Scan(&j0); err != nil {
			return stats{}, err
		}
		if err := cmd.Run(); err != nil {
			return stats{}, fmt.Errorf("pgbench: %v\n%s", err, so.String())
		}
		if err := db.QueryRow(`SELECT count(*) FROM journals WHERE id LIKE 'jnl_pg_%'`).Scan(&j1); err != nil {
			return stats{}, err
		}
		w := <-window
		m := regexp.MustCompile(`tps = ([0-9.]+)`).FindStringSubmatch(so.String())
		if m == nil {
			return stats{}, fmt.Errorf("pgbench output: %s", so.String())
		}
		tps, _ := strconv.ParseFloat(m[1], 64)
		lat := harness.PgbenchLatencies(logDir)
		if j1-j0 != len(lat) {
			return stats{}, fmt.Errorf("pgbench's %d transactions wrote %d journals: the script does not post", len(lat), j1-j0)
		}
		return stats{TPS: tps, P50: harness.Percentile(lat, .5), P95: harness.Percentile(lat, .95), P99: harness.Percentile(lat, .99), N: len(lat),
			DBCPU:     cpuMs(w[1].cpu-w[0].cpu, harness.PgbenchCount(logDir, w[0].at, w[1].at)),
			ClientCPU: cpuMs(cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime(), len(lat))}, nil
	}

	serverRun(3 * time.Second) // warm up
	// Each run is a pair, server then pgbench or (every other run) pgbench then server, so that a
	// machine whose speed drifts (a shared host's does, by a third within minutes here) favours
	// neither side; each pair's ratio compares two neighbouring windows.
	var ours, theirs []stats
	var pairs []float64
	for i := 0; i < runs; i++ {
		var s, p stats
		server := func() {
			s = serverRun(duration)
			fmt.Printf("run %d  server   %8.1f tps  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  (%d ok, %d errors)  CPU/tx: server %.3f, db %.3f, client %.3f ms\n", i+1, s.TPS, s.P50, s.P95, s.P99, s.N, s.Errors, s.ServerCPU, s.DBCPU, s.ClientCPU)
		}
		bench := func() error {
			var err error
			if p, err = pgRun(duration); err != nil {
				return err
			}
			fmt.Printf("run %d  pgbench  %8.1f tps  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  CPU/tx: db %.3f, client %.3f ms\n", i+1, p.TPS, p.P50, p.P95, p.P99, p.DBCPU, p.ClientCPU)
			return nil
		}
		if i%2 == 0 {
			server()
			if err := bench(); err != nil {
				return err
			}
		} else {
			if err := bench(); err != nil {
				return err
			}
			server()
		}
		ours, theirs = append(ours, s), append(theirs, p)
		pairs = append(pairs, s.TPS/p.TPS)
	}
	pairList := make([]string, len(pairs))
	for i, r := range pairs {
		pairList[i] = fmt.Sprintf("%.2f", r)
	}
	slices.Sort(pairs)
	paired := pairs[len(pairs)/2]
	med := func(xs []stats) stats {
		slices.SortFunc(xs, func(a, b stats) int { return int(a.TPS*1000 - b.TPS*1000) })
		return xs[len(xs)/2]
	}
	o, t := med(ours), med(theirs)
	host, _ := os.Hostname()
	commit := harness.Commit()
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		mem = strings.Fields(strings.SplitN(string(b), "\n", 2)[0])[1] + " kB"
	}
	mode := "one partner, one customer (a hot row)"
	if spread {
		mode = "one partner (a solution provider) and customer per client"
	}
	if scriptPath != "bench/alloc/pgbench.sql" {
		mode += ", pgbench running " + scriptPath
	}
	table := fmt.Sprintf(`allocateBalance at %d clients, %s, %s x %d alternating pairs of runs (medians), %s, %d cores, %s memory, commit %s
| side | tps | p50 ms | p95 ms | p99 ms | CPU ms/tx: server | database | load generator |
|---|---|---|---|---|---|---|---|
| server (HTTP + GraphQL + ledger) | %.1f | %.2f | %.2f | %.2f | %.3f | %.3f | %.3f |
| pgbench, same statements and round trips (+1 PK look-up of its values) | %.1f | %.2f | %.2f | %.2f | - | %.3f | %.3f |
ratio server/pgbench: %.2f, the median of the pairs' ratios (%s; the medians of each side: %.2f) (target >= 0.50); server p95 %.2f ms (target < 15 ms)
`, clients, mode, duration, runs, time.Now().Format("2006-01-02 15:04"), runtime.NumCPU(), mem, commit,
		o.TPS, o.P50, o.P95, o.P99, o.ServerCPU, o.DBCPU, o.ClientCPU, t.TPS, t.P50, t.P95, t.P99, t.DBCPU, t.ClientCPU, paired, strings.Join(pairList, ", "), o.TPS/t.TPS, o.P95)
	fmt.Print("\n" + table)
	_ = host
	if err := os.MkdirAll(outDir, 0o755); err == nil {
		name := "alloc-"
		if spread {
			name += "spread-"
		}
		f := filepath.Join(outDir, name+fmt.Sprint(clients)+"c-"+time.Now().Format("20060102-1504")+".md")
		_ = os.WriteFile(f, []byte(table), 0o644)
		fmt.Println("written to", f)
	}
	return nil
}
