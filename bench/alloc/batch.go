package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/partnercenter/partnercenter/bench/internal/gen"
	"github.com/partnercenter/partnercenter/bench/internal/harness"
)

// runBatch measures batchAllocateBalance of 0.01 to `batch` customers at a time: each client is
// a generated partner (all of whose customers are made resale) allocating to its own customers.
// There is no pgbench side: the target is the server's own latency (p95 under 300 ms for 100).
func runBatch(bin, adminURL string, clients, batch int, duration time.Duration, outDir string) error {
	dbURL, drop, err := harness.ScratchDB(adminURL, "pc_batch")
	if err != nil {
		return err
	}
	defer drop()
	perPartner := 100_000 / 1000 // gen's customers per partner
	if batch > perPartner {
		return fmt.Errorf("-batch %d: the generated partners have %d customers each", batch, perPartner)
	}
	if _, err := gen.Load(context.Background(), dbURL, float64(clients+2)/1000, 1); err != nil {
		return err
	}
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, q := range []string{`UPDATE customers SET association_type = 'RESALE'`, `UPDATE associations SET type = 'RESALE'`, `CHECKPOINT`} {
		if _, err := db.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	srv := &harness.Server{Bin: bin, DBURL: dbURL, Args: []string{"--demo=false"}}
	if err := srv.Start(); err != nil {
		return err
	}
	defer srv.Stop(syscall.SIGTERM)
	type client struct {
		token string
		ids   []string
	}
	cs := make([]client, clients)
	for c := range cs {
		if cs[c].token, err = harness.LoginWith(srv.Addr, fmt.Sprintf("bench.admin%d@example.com", c), gen.Password); err != nil {
			return err
		}
		rows, err := db.Query(`SELECT c.id FROM customers c JOIN partners p ON p.id = c.partner_id WHERE p.name = $1 ORDER BY c.id LIMIT $2`,
			fmt.Sprintf("Bench Partner %04d", c), batch)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			cs[c].ids = append(cs[c].ids, id)
		}
		rows.Close()
	}
	measure := func(d time.Duration) stats {
		var mu sync.Mutex
		var lat []float64
		errs := 0
		deadline := time.Now().Add(d)
		start := time.Now()
		srv0, db0 := harness.ProcCPU(srv.PID()), harness.PostgresCPU()
		var wg sync.WaitGroup
		for c := range cs {
			wg.Add(1)
			go func(c client) {
				defer wg.Done()
				ids, _ := json.Marshal(c.ids)
				for time.Now().Before(deadline) {
					body := fmt.Appendf(nil, `{"query":"mutation($ids:[ID!]!,$k:String!){ batchAllocateBalance(input:{customerIDs:$ids, amount:\"0.01\"}, idempotencyKey:$k){ journals { id } userErrors { code } } }","variables":{"ids":%s,"k":"bb-%d"}}`, ids, rand.Uint64())
					t0 := time.Now()
					resp, err := harness.Post(srv.Addr, c.token, body, nil)
					if err == nil && (bytes.Contains(resp, []byte(`"errors"`)) || bytes.Count(resp, []byte(`"id"`)) != len(c.ids)) {
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
		return stats{TPS: float64(n) / time.Since(start).Seconds(), P50: harness.Percentile(lat, .5), P95: harness.Percentile(lat, .95), P99: harness.Percentile(lat, .99),
			N: n, Errors: errs, ServerCPU: cpuMs(harness.ProcCPU(srv.PID())-srv0, n), DBCPU: cpuMs(harness.PostgresCPU()-db0, n)}
	}
	measure(3 * time.Second) // warm up
	s := measure(duration)
	table := fmt.Sprintf(`batchAllocateBalance of 0.01 to %d customers at %d clients (one partner each), %s, %s, %d cores, commit %s
| batches/s | p50 ms | p95 ms | p99 ms | ok | errors | CPU ms/batch: server | database |
|---|---|---|---|---|---|---|---|
| %.1f | %.1f | %.1f | %.1f | %d | %d | %.2f | %.2f |
server p95 %.1f ms (target < 300 ms)
`, batch, clients, duration, time.Now().Format("2006-01-02 15:04"), runtime.NumCPU(), harness.Commit(), s.TPS, s.P50, s.P95, s.P99, s.N, s.Errors, s.ServerCPU, s.DBCPU, s.P95)
	fmt.Print("\n" + table)
	if err := os.MkdirAll(outDir, 0o755); err == nil {
		f := filepath.Join(outDir, fmt.Sprintf("alloc-batch%d-%dc-%s.md", batch, clients, time.Now().Format("20060102-1504")))
		_ = os.WriteFile(f, []byte(table), 0o644)
		fmt.Println("written to", f)
	}
	if s.Errors > 0 {
		return fmt.Errorf("%d batches failed", s.Errors)
	}
	return nil
}
