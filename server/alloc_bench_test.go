package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/demo"
	"github.com/partnercenter/partnercenter/internal/testdb"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// BenchmarkAllocateBalance runs allocateBalance (0.01, a new key each time) through the whole
// HTTP handler on PostgreSQL, one request at a time, without a network between the client and the
// server: its allocs/op are the server's own, a repeatable figure to work on (the throughput
// against pgbench is bench/alloc's). go test -run '^$' -bench AllocateBalance -benchmem ./server
func BenchmarkAllocateBalance(b *testing.B) {
	d := testdb.Open(b, dialect.Postgres, db.Options{})
	ctx := context.Background()
	if _, err := demo.LoadIfEmpty(ctx, d.Client); err != nil {
		b.Fatal(err)
	}
	cfg := testConfig()
	cfg.SPADir = b.TempDir()
	var logs bytes.Buffer
	h := NewHTTPHandler(cfg, d, newLogger("json", &logs), Deps{})
	post := func(token, body string) string {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if !strings.Contains(w.Body.String(), `"errors"`) {
			logs.Reset()
		}
		return w.Body.String()
	}
	var login struct {
		Data struct{ Login struct{ Token string } }
	}
	q, _ := json.Marshal(map[string]any{"query": `mutation($p:String!){ login(email:"sp.admin@example.com", password:$p){ token } }`, "variables": map[string]any{"p": demo.Password}})
	out := post("", string(q))
	if err := json.Unmarshal([]byte(out), &login); err != nil || login.Data.Login.Token == "" {
		b.Fatalf("login: %s\n%s", out, logs.String())
	}
	sys := viewer.SystemContext(ctx)
	sp, err := d.Client.User.Query().Where(user.Email("sp.admin@example.com")).QueryPartner().Only(sys)
	if err != nil {
		b.Fatal(err)
	}
	cid, err := d.Client.Customer.Query().Where(customer.HasPartnerWith(partner.ID(sp.ID)), customer.AssociationTypeEQ(customer.AssociationTypeRESALE)).FirstID(sys)
	if err != nil {
		b.Fatal(err)
	}
	request := func(i int) string {
		return fmt.Sprintf(`{"query":"mutation($c:ID!,$k:String!){ allocateBalance(input:{customerID:$c, amount:\"0.01\"}, idempotencyKey:$k){ journal { id transactionNo } userErrors { code } } }","variables":{"c":%q,"k":"bench-%d"}}`, cid, i)
	}
	for i := range 20 { // warm up: connections, prepared statements
		post(login.Data.Login.Token, request(-1-i))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out := post(login.Data.Login.Token, request(i)); !strings.Contains(out, `"transactionNo"`) {
			b.Fatalf("allocation refused: %s", out)
		}
	}
}
