package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/demo"
	"github.com/partnercenter/partnercenter/internal/sms"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// testServer is the whole HTTP stack on a fresh database with the demo world.
type testServer struct {
	*httptest.Server
	SMS     *sms.Recorder
	DB      *db.DB
	Counter *testdb.Counter
	Logs    *syncBuffer
	SPADir  string // the directory served at / (empty until a test writes files into it)
	tokens  map[string]string
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func testConfig() *Config {
	cfg, err := ParseConfig(nil, func(string) string { return "" }, io.Discard)
	if err != nil {
		panic(err)
	}
	cfg.MaxBodyBytes = 64 << 10
	return cfg
}

func newTestServer(t *testing.T, engine string) *testServer {
	t.Helper()
	return newTestServerWith(t, engine, Deps{})
}

func newTestServerWith(t *testing.T, engine string, deps Deps, tune ...func(*Config)) *testServer {
	t.Helper()
	counter := &testdb.Counter{}
	d := testdb.Open(t, engine, db.Options{Driver: counter.Wrap})
	if _, err := demo.LoadIfEmpty(context.Background(), d.Client); err != nil {
		t.Fatalf("demo data: %v", err)
	}
	logs := &syncBuffer{}
	smsRec := &sms.Recorder{}
	cfg := testConfig()
	cfg.SPADir = t.TempDir()
	for _, f := range tune {
		f(cfg)
	}
	srv := httptest.NewServer(NewHTTPHandler(cfg, d, newLogger("text", logs), withSMS(deps, smsRec)))
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, SMS: smsRec, DB: d, Counter: counter, Logs: logs, SPADir: cfg.SPADir, tokens: map[string]string{}}
}

// gqlResponse is a GraphQL answer.
type gqlResponse struct {
	Status int
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	Raw string
}

// Code is the extensions.code of the first error, or "".
func (r *gqlResponse) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// UserError is the code of the first userError in the payload of the mutation field, or "": a
// business refusal (see graph/payload.go), where Code is that of a top-level error.
func (r *gqlResponse) UserError(field string) string {
	c, _ := dig(r.Data, field, "userErrors", 0, "code").(string)
	return c
}

// rootField is the first field an operation's text selects: "allocateBalance" for
// `mutation($c:ID!){ allocateBalance(input:...){ ... } }`.
func rootField(q string) string {
	rest := strings.TrimSpace(q[strings.Index(q, "{")+1:])
	if i := strings.IndexAny(rest, "( {"); i >= 0 {
		return rest[:i]
	}
	return rest
}

func (s *testServer) post(t *testing.T, token, query string, vars map[string]any) *gqlResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return s.do(t, req)
}

func (s *testServer) do(t *testing.T, req *http.Request) *gqlResponse {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("request: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := &gqlResponse{Status: resp.StatusCode, Raw: string(raw)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("decoding %q: %v", raw, err)
		}
	}
	return out
}

// login returns a bearer token for a demo user (cached per server).
func (s *testServer) login(t *testing.T, email string) string {
	t.Helper()
	if tok, ok := s.tokens[email]; ok {
		return tok
	}
	r := s.post(t, "", `mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }`,
		map[string]any{"e": email, "p": demo.Password})
	if len(r.Errors) > 0 {
		t.Fatalf("login %s: %s", email, r.Raw)
	}
	tok := dig(r.Data, "login", "token").(string)
	s.tokens[email] = tok
	return tok
}

// dig walks nested maps and slices: dig(m, "a", "b", 0, "c").
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

var _ = slog.Default
var _ = time.Second

func withSMS(d Deps, rec *sms.Recorder) Deps {
	d.SMS = rec
	return d
}
