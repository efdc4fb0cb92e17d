// Command nested runs the read workloads side by side on one generated database (bench/gen):
//
//   - nested list: partners (first 50) -> customers (first 10) -> their latest journals (first 5),
//     our server against PostGraphile 5 (bench/postgraphile) with the equivalent query;
//   - point read of one customer by ID: our server (node(id:)) against pgbench's select-only run;
//
// at each client count, the two sides alternating, each run -runs times; medians are reported
// with requests per second, p50/p95/p99, SQL statements per request (transactions committed per
// request, from pg_stat_database: every statement outside an explicit transaction is one), and
// our server's peak RSS. The table goes to stdout and bench/results/.
package main

import (
	"bytes"
	"context"
	"database/sql"
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
	"time"

	_ "github.com/lib/pq"

	"github.com/partnercenter/partnercenter/bench/internal/gen"
	"github.com/partnercenter/partnercenter/bench/internal/harness"
)

const ourNested = `{ partners(first: 50) { edges { node { id name customers(first: 10) { edges { node { id createdAt associationType journals(first: 5, orderBy: {field: CREATED_AT, direction: DESC}) { edges { node { id amount kind createdAt } } } } } } } } } }`
const theirNested = `{ allPartners(first: 50) { nodes { id name customersByPartnerId(first: 10) { nodes { id createdAt associationType journalsByCustomerId(first: 5, orderBy: CREATED_AT_DESC) { nodes { id amount kind createdAt } } } } } } }`

type result struct {
	RPS, P50, P95, P99, StmtsPerReq float64
	N, Errors                       int
}

func main() {
	bin := flag.String("server", "bin/partnercenter", "our server binary")
	admin := flag.String("db", "", "PostgreSQL admin URL (default TEST_DATABASE_URL, else the local server)")
	sf := flag.Float64("sf", 1, "scale factor of the generated data")
	clientsFlag := flag.String("clients", "8,32", "client counts")
	duration := flag.Duration("duration", 10*time.Second, "measured time per run")
	runs := flag.Int("runs", 3, "alternating runs per side; medians are reported")
	out := flag.String("out", "bench/results", "results directory")
	flag.Parse()
	if err := run(*bin, harness.AdminURL(*admin), *sf, *clientsFlag, *duration, *runs, *out); err != nil {
		fmt.Fprintln(os.Stderr, "nested:", err)
		os.Exit(1)
	}
}

func xacts(db *sql.DB) int64 {
	var n int64
	_ = db.QueryRow(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`).Scan(&n)
	return n
}

// load runs clients against do for d, measuring latencies and committed transactions.
func load(db *sql.DB, clients int, d time.Duration, do func(c, i int) error) result {
	_, _ = db.Exec(`SELECT pg_stat_clear_snapshot()`)
	x0 := xacts(db)
	var mu sync.Mutex
	var lat []float64
	errs := 0
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline); i++ {
				t0 := time.Now()
				err := do(c, i)
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
	time.Sleep(600 * time.Millisecond) // let the statistics collector catch up
	_, _ = db.Exec(`SELECT pg_stat_clear_snapshot()`)
	x1 := xacts(db)
	r := result{RPS: float64(len(lat)) / el, P50: harness.Percentile(lat, .5), P95: harness.Percentile(lat, .95), P99: harness.Percentile(lat, .99), N: len(lat), Errors: errs}
	if len(lat) > 0 {
		r.StmtsPerReq = float64(x1-x0-1) / float64(len(lat)) // -1: our own snapshot query
	}
	return r
}

func post(addr, token, q string, vars map[string]any) error {
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := harness.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || bytes.Contains(raw, []byte(`"errors"`)) {
		return fmt.Errorf("%d %s", resp.StatusCode, raw[:min(len(raw), 300)])
	}
	return nil
}

func peakRSS(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			kb, _ := strconv.Atoi(f[1])
			return fmt.Sprintf("%.0f MB", float64(kb)/1024)
		}
	}
	return "?"
}

func median(rs []result) result {
	slices.SortFunc(rs, func(a, b result) int {
		if a.RPS < b.RPS {
			return -1
		}
		return 1
	})
	return rs[len(rs)/2]
}

func run(bin, adminURL string, sf float64, clientsFlag string, d time.Duration, runs int, outDir string) error {
	ctx := context.Background()
	dbURL, drop, err := harness.ScratchDB(adminURL, "pc_nested")
	if err != nil {
		return err
	}
	defer drop()
	st, err := gen.Load(ctx, dbURL, sf, 1)
	if err != nil {
		return err
	}
	fmt.Printf("loaded SF%g: %d partners, %d customers, %d ledger entries in %s\n", sf, st.Partners, st.Customers, st.Entries, st.Duration.Round(time.Millisecond))
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()

	ours := &harness.Server{Bin: bin, DBURL: dbURL, Args: []string{"--demo=false"}}
	if err := ours.Start(); err != nil {
		return err
	}
	defer ours.Stop(syscall.SIGTERM)
	tok, err := loginBench(ours.Addr)
	if err != nil {
		return err
	}
	pgAddr := harness.FreeAddr()
	port := pgAddr[strings.LastIndex(pgAddr, ":")+1:]
	node := "bench/postgraphile/node_modules/.bin/node"
	if _, err := os.Stat(node); err != nil {
		return fmt.Errorf("PostGraphile is not installed: run `npm ci --prefix bench/postgraphile` (make bench does)")
	}
	pg := exec.Command(node, "bench/postgraphile/server.mjs")
	pg.Env = append(os.Environ(), "DATABASE_URL="+dbURL, "PORT="+port)
	pg.Stdout, pg.Stderr = io.Discard, io.Discard
	if err := pg.Start(); err != nil {
		return err
	}
	defer func() { _ = pg.Process.Signal(syscall.SIGTERM); _, _ = pg.Process.Wait() }()
	for i := 0; ; i++ {
		if post(pgAddr, "", `{ __typename }`, nil) == nil {
			break
		}
		if i > 300 {
			return fmt.Errorf("PostGraphile did not start")
		}
		time.Sleep(100 * time.Millisecond)
	}
	var customers []string
	rows, err := db.Query(`SELECT id FROM customers ORDER BY id LIMIT 5000`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id string
		_ = rows.Scan(&id)
		customers = append(customers, id)
	}
	rows.Close()
	// pgbench's own tables for its select-only run, in the same database.
	pgbench := harness.Pgbench()
	if out, err := exec.Command(pgbench, "-i", "-q", "-s", "1", dbURL).CombinedOutput(); err != nil {
		return fmt.Errorf("pgbench -i: %v %s", err, out)
	}

	var table strings.Builder
	fmt.Fprintf(&table, "Read workloads, SF%g (%d partners, %d customers, %d ledger entries), %s x %d alternating runs (medians), %s, %d cores, commit %s\n\n",
		sf, st.Partners, st.Customers, st.Entries, d, runs, time.Now().Format("2006-01-02 15:04"), runtime.NumCPU(), harness.Commit())
	fmt.Fprintf(&table, "| workload | clients | side | req/s | p50 ms | p95 ms | p99 ms | SQL stmts/req | ratio |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, cs := range strings.Split(clientsFlag, ",") {
		clients, _ := strconv.Atoi(strings.TrimSpace(cs))
		// warm both
		load(db, clients, 2*time.Second, func(c, i int) error { return post(ours.Addr, tok, ourNested, nil) })
		load(db, clients, 2*time.Second, func(c, i int) error { return post(pgAddr, "", theirNested, nil) })
		var a, b []result
		for r := 0; r < runs; r++ {
			a = append(a, load(db, clients, d, func(c, i int) error { return post(ours.Addr, tok, ourNested, nil) }))
			b = append(b, load(db, clients, d, func(c, i int) error { return post(pgAddr, "", theirNested, nil) }))
		}
		ma, mb := median(a), median(b)
		row(&table, "nested list", clients, "ours", ma, ma.RPS/mb.RPS)
		row(&table, "nested list", clients, "PostGraphile 5", mb, 1)
		// point read
		var p, q []result
		for r := 0; r < runs; r++ {
			p = append(p, load(db, clients, d, func(c, i int) error {
				return post(ours.Addr, tok, `query($id:ID!){ node(id:$id){ id ... on Customer { createdAt associationType } } }`, map[string]any{"id": customers[rand.IntN(len(customers))]})
			}))
			r2, err := pgbenchSelectOnly(pgbench, dbURL, clients, d)
			if err != nil {
				return err
			}
			q = append(q, r2)
		}
		mp, mq := median(p), median(q)
		row(&table, "point read", clients, "ours (node by ID)", mp, mp.RPS/mq.RPS)
		row(&table, "point read", clients, "pgbench -S", mq, 1)
	}
	fmt.Fprintf(&table, "\nour server's peak RSS: %s (target <= 150 MB)\n", peakRSS(ours.PID()))
	fmt.Print(table.String())
	if err := os.MkdirAll(outDir, 0o755); err == nil {
		f := filepath.Join(outDir, "reads-"+time.Now().Format("20060102-1504")+".md")
		_ = os.WriteFile(f, []byte(table.String()), 0o644)
		fmt.Println("written to", f)
	}
	return nil
}

func row(w io.Writer, name string, clients int, side string, r result, ratio float64) {
	fmt.Fprintf(w, "| %s | %d | %s | %.0f | %.2f | %.2f | %.2f | %.1f | %.2f |\n", name, clients, side, r.RPS, r.P50, r.P95, r.P99, r.StmtsPerReq, ratio)
}

func loginBench(addr string) (string, error) {
	r, err := harness.Call(addr, "", `mutation{ login(email:"bench.platform@example.com", password:"`+gen.Password+`"){ token } }`, nil)
	if err != nil {
		return "", err
	}
	var p struct{ Token string }
	if err := json.Unmarshal(r.Data["login"], &p); err != nil || p.Token == "" {
		return "", fmt.Errorf("bench login: %v", r.Errors)
	}
	return p.Token, nil
}

func pgbenchSelectOnly(pgbench, dbURL string, clients int, d time.Duration) (result, error) {
	logDir, _ := os.MkdirTemp("", "pgbench")
	defer os.RemoveAll(logDir)
	cmd := exec.Command(pgbench, "-n", "-S", "-M", "extended", "-c", strconv.Itoa(clients), "-j", strconv.Itoa(min(clients, runtime.NumCPU())),
		"-T", strconv.Itoa(max(1, int(d.Seconds()))), "-l", "--log-prefix", filepath.Join(logDir, "tx"), dbURL)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return result{}, fmt.Errorf("pgbench -S: %v %s", err, out)
	}
	m := regexp.MustCompile(`tps = ([0-9.]+)`).FindSubmatch(out)
	if m == nil {
		return result{}, fmt.Errorf("pgbench output: %s", out)
	}
	tps, _ := strconv.ParseFloat(string(m[1]), 64)
	lat := harness.PgbenchLatencies(logDir)
	return result{RPS: tps, P50: harness.Percentile(lat, .5), P95: harness.Percentile(lat, .95), P99: harness.Percentile(lat, .99), N: len(lat), StmtsPerReq: 1}, nil
}
