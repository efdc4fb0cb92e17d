package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/partnercenter/partnercenter/bench/internal/gen"
	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/graph"
	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/customers"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// TestNestedListStatements: the benchmark's nested list (3 levels) costs the same number of SQL
// statements whatever the rows: one per level, plus authentication.
func TestNestedListStatements(t *testing.T) {
	post, token, counter := nestedSetup(t, 0.02)
	counts := map[string]int{}
	for _, n := range []string{"5", "20"} {
		q := strings.NewReplacer("50", n).Replace(ourNested)
		counter.Reset()
		t0 := time.Now()
		out := post(token, q)
		if strings.Contains(out, `"errors"`) || !strings.Contains(out, `"journals"`) {
			t.Fatalf("nested list: %.300s", out)
		}
		counts[n] = counter.Count()
		t.Logf("first %s partners: %d statements in %s", n, counts[n], time.Since(t0))
	}
	if counts["5"] != counts["20"] || counts["20"] > 3+3 {
		t.Fatalf("statements: %v (want the same for 5 and 20 partners, at most 3 levels + 3 for authentication)", counts)
	}
}

// BenchmarkNestedList runs the nested list in process (go test -bench Nested -cpuprofile ...).
func BenchmarkNestedList(b *testing.B) {
	post, token, _ := nestedSetup(b, 0.1)
	post(token, ourNested)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out := post(token, ourNested); strings.Contains(out, `"errors"`) {
			b.Fatal(out)
		}
	}
}

func nestedSetup(t testing.TB, sf float64) (func(token, q string) string, string, *testdb.Counter) {
	counter := &testdb.Counter{}
	d := testdb.Open(t, dialect.Postgres, db.Options{Driver: counter.Wrap})
	var url string
	if err := d.SQL.QueryRow(`SELECT current_database()`).Scan(&url); err != nil {
		t.Fatal(err)
	}
	admin := os.Getenv("TEST_DATABASE_URL")
	url = admin[:strings.LastIndex(admin, "/")+1] + url + admin[strings.Index(admin+"?", "?"):]
	if _, err := gen.Load(context.Background(), strings.TrimSuffix(url, "?"), sf, 1); err != nil {
		t.Fatal(err)
	}
	lastClient = d.Client
	authSvc := auth.NewService(d.Client, time.Hour)
	h := graph.NewHandler(d.Client, graph.Services{Auth: authSvc, Customers: &customers.Service{}, Ledger: &ledger.Ledger{Client: d.Client}}, graph.Options{})
	srv := httptest.NewServer(authSvc.Middleware(false)(h))
	t.Cleanup(srv.Close)
	post := func(token, q string) string {
		body, _ := json.Marshal(map[string]any{"query": q})
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	raw := post("", `mutation{ login(email:"bench.platform@example.com", password:"`+gen.Password+`"){ token } }`)
	var lr struct {
		Data struct{ Login struct{ Token string } }
	}
	_ = json.Unmarshal([]byte(raw), &lr)
	return post, lr.Data.Login.Token, counter
}

// lastClient is the ent client of the last nestedSetup, for reference benchmarks.
var lastClient *ent.Client
