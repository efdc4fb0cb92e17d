package main

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/internal/testdb"
)

func TestHealth(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		for _, p := range []string{"/healthz", "/readyz"} {
			resp, err := http.Get(s.URL + p)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("GET %s: %v %v", p, resp, err)
			}
		}
	})
}

func TestLoginAndCustomers(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		// The acceptance query, with a bearer token.
		tok := s.login(t, "sp.admin@example.com")
		r := s.post(t, tok, `{ customers(first: 5) { totalCount edges { node { id } } } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("customers: %s", r.Raw)
		}
		if n := dig(r.Data, "customers", "totalCount").(float64); n < 50 {
			t.Fatalf("Demo SP sees %v customers, want at least 50", n)
		}
		edges := dig(r.Data, "customers", "edges").([]any)
		if len(edges) != 5 {
			t.Fatalf("got %d edges, want 5", len(edges))
		}
		id := dig(edges[0], "node", "id").(string)
		if !strings.HasPrefix(id, "cus_") {
			t.Fatalf("customer ID %q does not name its type", id)
		}
		// node(id:) finds it again.
		r = s.post(t, tok, `query($id:ID!){ node(id:$id){ __typename id ... on Customer { accountName } } }`, map[string]any{"id": id})
		if dig(r.Data, "node", "__typename") != "Customer" {
			t.Fatalf("node: %s", r.Raw)
		}
		// The unrelated partner does not see it.
		other := s.login(t, "other.admin@example.com")
		r = s.post(t, other, `query($id:ID!){ node(id:$id){ id } }`, map[string]any{"id": id})
		if r.Code() != "NOT_FOUND" || dig(r.Data, "node") != nil {
			t.Fatalf("other partner reading Demo SP's customer: %s", r.Raw)
		}

		// The cookie path: login sets an HttpOnly cookie that authenticates later requests.
		body := `{"query":"mutation{ login(email:\"sp.admin@example.com\", password:\"Demo@12345\"){ viewer { role partner { name } } } }"}`
		resp, err := http.Post(s.URL+"/graphql", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var cookie *http.Cookie
		for _, c := range resp.Cookies() {
			if c.Name == "pc_session" {
				cookie = c
			}
		}
		if cookie == nil || !cookie.HttpOnly {
			t.Fatalf("login did not set an HttpOnly session cookie: %v", resp.Cookies())
		}
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`{"query":"{ viewer { role user { email } partner { name kind } } }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(cookie)
		r = s.do(t, req)
		if dig(r.Data, "viewer", "role") != "PARTNER_ADMIN" || dig(r.Data, "viewer", "partner", "name") != "Demo SP" {
			t.Fatalf("viewer by cookie: %s", r.Raw)
		}

		// Logout ends the session.
		r = s.post(t, tok, `mutation{ logout { ok } }`, nil)
		if dig(r.Data, "logout", "ok") != true {
			t.Fatalf("logout: %s", r.Raw)
		}
		r = s.post(t, tok, `{ customers(first: 1) { totalCount } }`, nil)
		if r.Code() != "UNAUTHENTICATED" {
			t.Fatalf("after logout: %s", r.Raw)
		}
	})
}

func TestViewerPerRole(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		cases := []struct{ email, role, partner string }{
			{"platform@example.com", "PLATFORM_OPERATOR", ""},
			{"sp.admin@example.com", "PARTNER_ADMIN", "Demo SP"},
			{"sp.manager@example.com", "CUSTOMER_MANAGER", "Demo SP"},
			{"dist.admin@example.com", "PARTNER_ADMIN", "Demo Distributor"},
			{"reseller.admin@example.com", "PARTNER_ADMIN", "Demo Reseller East"},
			{"other.admin@example.com", "PARTNER_ADMIN", "Other SP"},
			{"customer@example.com", "CUSTOMER", ""},
		}
		for _, c := range cases {
			r := s.post(t, s.login(t, c.email), `{ viewer { role user { email } partner { name } customer { id associationType } } }`, nil)
			if len(r.Errors) > 0 || dig(r.Data, "viewer", "role") != c.role {
				t.Fatalf("%s: %s", c.email, r.Raw)
			}
			if c.partner != "" && dig(r.Data, "viewer", "partner", "name") != c.partner {
				t.Fatalf("%s: partner %v", c.email, dig(r.Data, "viewer", "partner"))
			}
			if c.role == "CUSTOMER" && dig(r.Data, "viewer", "customer", "associationType") != "RESALE" {
				t.Fatalf("customer user: %s", r.Raw)
			}
		}
		// A connection without first/last returns at most 100 rows (the platform sees 102 customers).
		r0 := s.post(t, s.login(t, "platform@example.com"), `{ customers { totalCount edges { node { id } } } }`, nil)
		if tc := dig(r0.Data, "customers", "totalCount").(float64); tc <= 100 || len(dig(r0.Data, "customers", "edges").([]any)) != 100 {
			t.Fatalf("default page: %v total, %d edges", tc, len(dig(r0.Data, "customers", "edges").([]any)))
		}
		// The platform sees every partner kind, and the distributor's two resellers.
		r := s.post(t, s.login(t, "platform@example.com"), `{ partners(first: 20, where: {kind: DISTRIBUTOR}) { edges { node { name resellers(first: 10) { totalCount } } } } }`, nil)
		if dig(r.Data, "partners", "edges", 0, "node", "resellers", "totalCount") != float64(2) {
			t.Fatalf("distributor's resellers: %s", r.Raw)
		}
	})
}

func TestUnauthenticatedGetsNothingButLogin(t *testing.T) {
	s := newTestServer(t, "sqlite3")
	for _, q := range []string{`{ customers(first: 1) { totalCount } }`, `{ viewer { role } }`, `{ partners { totalCount } }`, `mutation { logout { ok } }`} {
		r := s.post(t, "", q, nil)
		if r.Code() != "UNAUTHENTICATED" {
			t.Fatalf("%s without login: %s", q, r.Raw)
		}
	}
	r := s.post(t, "pcs_forged-token", `{ viewer { role } }`, nil)
	if r.Code() != "UNAUTHENTICATED" {
		t.Fatalf("forged token: %s", r.Raw)
	}
}

func TestBadInput(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		tok := s.login(t, "sp.admin@example.com")
		cases := []struct {
			name, query, code string
		}{
			{"malformed query", `{ customers(first: 5 { totalCount }`, "GRAPHQL_PARSE_FAILED"},
			{"unknown field", `{ customers(first: 5) { totalCount shoeSize } }`, "GRAPHQL_VALIDATION_FAILED"},
			{"first over 100", `{ customers(first: 1000) { totalCount } }`, "BAD_USER_INPUT"},
			{"negative first", `{ customers(first: -1) { totalCount } }`, "BAD_USER_INPUT"},
			{"bad cursor", `{ customers(first: 5, after: "nonsense") { totalCount } }`, "BAD_USER_INPUT"},
			{"too complex", `{ partners(first: 100) { edges { node { customers(first: 100) { edges { node { associations { partner { customers(first: 100) { totalCount } } } } } } } } } }`, "COMPLEXITY_LIMIT_EXCEEDED"},
		}
		for _, c := range cases {
			r := s.post(t, tok, c.query, nil)
			if r.Code() != c.code || r.Errors[0].Message == "" {
				t.Errorf("%s: want code %s, got %s", c.name, c.code, r.Raw)
			}
		}
		// A page size given as a variable that is null cannot fetch the whole table.
		if r := s.post(t, tok, `query($n:Int){ customers(first:$n) { totalCount } }`, map[string]any{"n": nil}); r.Code() != "BAD_USER_INPUT" {
			t.Errorf("null first: %s", r.Raw)
		}
		// Wrong password and unknown user: the same error.
		var msgs []string
		for _, email := range []string{"sp.admin@example.com", "nobody@example.com"} {
			r := s.post(t, "", `mutation($e:String!){ login(email:$e, password:"wrong"){ token } }`, map[string]any{"e": email})
			if r.Code() != "UNAUTHENTICATED" {
				t.Fatalf("login %s with a wrong password: %s", email, r.Raw)
			}
			msgs = append(msgs, r.Errors[0].Message)
		}
		if msgs[0] != msgs[1] {
			t.Fatalf("unknown user and wrong password answer differently: %q vs %q", msgs[0], msgs[1])
		}
		// A body over the limit gets 413 and nothing is parsed.
		big := `{"query":"{ viewer { role } }","variables":{"pad":"` + strings.Repeat("x", 70<<10) + `"}}`
		resp, err := http.Post(s.URL+"/graphql", "application/json", strings.NewReader(big))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("big body: status %d, want 413", resp.StatusCode)
		}
		// Chunked (no Content-Length) too.
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", struct{ *bytes.Reader }{bytes.NewReader([]byte(big))})
		req.Header.Set("Content-Type", "application/json")
		if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("big chunked body: %v %v", resp, err)
		}
		// GET serves queries only.
		q := url.Values{"query": {`mutation { logout { ok } }`}}
		req, _ = http.NewRequest(http.MethodGet, s.URL+"/graphql?"+q.Encode(), nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		if r := s.do(t, req); len(r.Errors) == 0 || r.Status != http.StatusMethodNotAllowed || r.Data != nil {
			t.Fatalf("mutation over GET was not refused: %s", r.Raw)
		}
		q = url.Values{"query": {`{ viewer { role } }`}}
		req, _ = http.NewRequest(http.MethodGet, s.URL+"/graphql?"+q.Encode(), nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		if r := s.do(t, req); dig(r.Data, "viewer", "role") != "PARTNER_ADMIN" {
			t.Fatalf("query over GET: %s", r.Raw)
		}
		// And the server keeps serving.
		r := s.post(t, tok, `{ customers(first: 1) { totalCount } }`, nil)
		if len(r.Errors) > 0 {
			t.Fatalf("after bad input: %s", r.Raw)
		}
		if strings.Contains(s.Logs.String(), "panic") {
			t.Fatalf("a panic was logged:\n%s", s.Logs.String())
		}
	})
}

// TestStatementsDoNotGrowWithRows is the N+1 guard: 50 customers with their partner, manager and
// associations cost the same number of SQL statements as 5.
func TestStatementsDoNotGrowWithRows(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		tok := s.login(t, "sp.admin@example.com")
		q := `query($n:Int!){ customers(first:$n, orderBy:[{field: CREATED_AT, direction: ASC}]) { totalCount pageInfo { hasNextPage endCursor }
			edges { cursor node { id accountName name associationType associatedAt
				partner { id name kind } manager { id displayName } allocatedBalance ownBalance
				associations { id type status since partner { id name } } } } } }`
		counts := map[int]int{}
		for _, n := range []int{5, 50} {
			for range 3 { // the fewest of three: the loaders batch by a 2 ms window, and a batch split by load is not growth
				s.Counter.Reset()
				r := s.post(t, tok, q, map[string]any{"n": n})
				if len(r.Errors) > 0 {
					t.Fatalf("first %d: %s", n, r.Raw)
				}
				if got := len(dig(r.Data, "customers", "edges").([]any)); got != n {
					t.Fatalf("first %d returned %d", n, got)
				}
				if c := s.Counter.Count(); counts[n] == 0 || c < counts[n] {
					counts[n] = c
				}
			}
		}
		if counts[5] != counts[50] {
			t.Fatalf("statements grow with rows: 5 customers -> %d, 50 -> %d\n%s", counts[5], counts[50], strings.Join(s.Counter.Statements(), "\n"))
		}
		t.Logf("%s: %d statements for 5 and for 50 customers", engine, counts[50])
	})
}

// TestRevocationTakesEffectAtOnce: nothing remembers what a credential resolved to, so a session
// or API key revoked by another instance (here straight in the database) is refused at the next
// request; each request costs one authentication statement. (bench/bank checks the same with two
// server processes: make test runs it.)
func TestRevocationTakesEffectAtOnce(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		tok := s.login(t, "sp.admin@example.com")
		ask := func(tok string) string { return s.post(t, tok, `{ viewer { role } }`, nil).Code() }
		s.Counter.Reset()
		for range 2 {
			if c := ask(tok); c != "" {
				t.Fatalf("viewer refused: %s", c)
			}
		}
		n := 0
		for _, q := range s.Counter.Statements() {
			if strings.Contains(q, "sessions") {
				n++
			}
		}
		if n != 2 {
			t.Fatalf("two requests made %d authentication statements, want 2:\n%s", n, strings.Join(s.Counter.Statements(), "\n"))
		}
		r := s.post(t, tok, `mutation{ createApiKey(input:{name:"erp", scope: READ}){ key } }`, nil)
		key, _ := dig(r.Data, "createApiKey", "key").(string)
		if c := ask(key); key == "" || c != "" {
			t.Fatalf("a new API key: %q %s", c, r.Raw)
		}
		s.DB.Client.APIKey.Update().SetRevokedAt(time.Now()).ExecX(sys())
		if c := ask(key); c != "UNAUTHENTICATED" {
			t.Fatalf("an API key revoked in the database answered %q at the next request", c)
		}
		s.DB.Client.Session.Update().SetRevokedAt(time.Now()).ExecX(sys())
		if c := ask(tok); c != "UNAUTHENTICATED" {
			t.Fatalf("a session revoked in the database answered %q at the next request", c)
		}
	})
}
