package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
)

// TestPOSTAnswers: the POST transport writes successful answers directly, and every other answer
// in gqlgen's shapes.
func TestPOSTAnswers(t *testing.T) {
	s := newTestServer(t, dialect.SQLite)
	tok := s.login(t, "sp.admin@example.com")
	post := func(body, accept string) *gqlResponse {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader([]byte(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+tok)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		return s.do(t, req)
	}
	// A successful answer, written directly.
	ok := post(`{"query":"{ viewer { role } }"}`, "")
	if ok.Status != 200 || ok.Raw != `{"data":{"viewer":{"role":"PARTNER_ADMIN"}}}` {
		t.Fatalf("success: %d %s", ok.Status, ok.Raw)
	}
	// Variables and an operation name.
	if r := post(`{"query":"query Q($n: Int) { customers(first: $n) { totalCount } }","operationName":"Q","variables":{"n":1}}`, ""); r.Status != 200 || r.Data["customers"] == nil {
		t.Fatalf("variables: %d %s", r.Status, r.Raw)
	}
	// Errors in the answer (a refused node) keep gqlgen's shape.
	if r := post(`{"query":"{ node(id: \"cus_nope\") { id } }"}`, ""); r.Status != 200 || len(r.Errors) == 0 || !strings.HasPrefix(r.Raw, `{"errors":`) {
		t.Fatalf("answer with errors: %d %s", r.Status, r.Raw)
	}
	// A query that does not validate: 200 and its error (TestGraphQLOverHTTP has the rules).
	if r := post(`{"query":"{ nope }"}`, ""); r.Status != 200 || len(r.Errors) == 0 {
		t.Fatalf("invalid query: %d %s", r.Status, r.Raw)
	}
	// A body that is not JSON: a clear error that does not echo the body (a password in it, here),
	// and no panic behind it (entgql's transactioner used to panic there: "internal error").
	if r := post(`{"query":"mutation { login(email: \"a@b.c\", password: "Secr3t-pw") { token } }"}`, ""); r.Status != 400 || r.Code() != "BAD_USER_INPUT" ||
		!strings.Contains(r.Errors[0].Message, "not a GraphQL request") || strings.Contains(r.Raw, "Secr3t") {
		t.Fatalf("bad JSON: %d %s", r.Status, r.Raw)
	}
	if logs := s.Logs.String(); strings.Contains(logs, "panic") || strings.Contains(logs, "Secr3t") {
		t.Fatalf("the logs show a panic or the body:\n%s", logs)
	}
	// A client asking for application/graphql-response+json gets it.
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", strings.NewReader(`{"query":"{ viewer { role } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/graphql-response+json") {
		t.Fatalf("graphql-response+json: content type %q", ct)
	}
}

// TestGraphQLOverHTTP: answers follow the GraphQL over HTTP specification for both media types.
// A request that fails to parse or validate, or whose variables do not coerce, never runs: as
// application/json (asked for, or no Accept header) it gets 200 with errors; as
// application/graphql-response+json it gets 400. Neither answer has a data entry. Over POST
// and GET alike; a mutation over GET gets 405.
func TestGraphQLOverHTTP(t *testing.T) {
	s := newTestServer(t, dialect.SQLite)
	tok := s.login(t, "sp.admin@example.com")
	type answer struct {
		status      int
		contentType string
		allow       string
		body        map[string]json.RawMessage
		raw         string
	}
	send := func(method, accept, query string, vars map[string]any) answer {
		t.Helper()
		var req *http.Request
		if method == http.MethodGet {
			q := url.Values{"query": {query}}
			if vars != nil {
				b, _ := json.Marshal(vars)
				q.Set("variables", string(b))
			}
			req, _ = http.NewRequest(method, s.URL+"/graphql?"+q.Encode(), nil)
		} else {
			b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
			req, _ = http.NewRequest(method, s.URL+"/graphql", bytes.NewReader(b))
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("Authorization", "Bearer "+tok)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		a := answer{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), allow: resp.Header.Get("Allow"), raw: string(raw)}
		if err := json.Unmarshal(raw, &a.body); err != nil {
			t.Fatalf("%s %q: not JSON: %s", method, query, raw)
		}
		return a
	}
	requestErrors := []struct {
		name, query, code string
		vars              map[string]any
	}{
		{"parse error", `{ viewer { role }`, "GRAPHQL_PARSE_FAILED", nil},
		{"validation error", `{ viewer { shoeSize } }`, "GRAPHQL_VALIDATION_FAILED", nil},
		{"variable coercion error", `query($n: Int!) { customers(first: $n) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED", map[string]any{"n": "five"}},
		{"missing variable", `query($n: Int!) { customers(first: $n) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED", map[string]any{}},
	}
	for _, method := range []string{http.MethodPost, http.MethodGet} {
		for _, media := range []struct{ accept, contentType string }{
			{"", "application/json"},
			{"application/json", "application/json"},
			{"*/*", "application/json"},
			{"application/graphql-response+json", "application/graphql-response+json"},
			{"application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json"}, // urql's, in short
		} {
			errStatus := 200
			if media.contentType == "application/graphql-response+json" {
				errStatus = 400
			}
			for _, c := range requestErrors {
				a := send(method, media.accept, c.query, c.vars)
				var errs []struct {
					Message    string         `json:"message"`
					Extensions map[string]any `json:"extensions"`
				}
				_ = json.Unmarshal(a.body["errors"], &errs)
				if _, hasData := a.body["data"]; a.status != errStatus || hasData || a.contentType != media.contentType ||
					len(errs) == 0 || errs[0].Extensions["code"] != c.code || errs[0].Message == "" {
					t.Errorf("%s %s, Accept %q: want %d, %s, no data, code %s; got %d, %s: %s",
						method, c.name, media.accept, errStatus, media.contentType, c.code, a.status, a.contentType, a.raw)
				}
			}
			a := send(method, media.accept, `query($n: Int!) { customers(first: $n) { totalCount } }`, map[string]any{"n": 1})
			if _, hasErrors := a.body["errors"]; a.status != 200 || hasErrors || a.contentType != media.contentType || !strings.Contains(string(a.body["data"]), `"totalCount":`) {
				t.Errorf("%s success, Accept %q: %d %s: %s", method, media.accept, a.status, a.contentType, a.raw)
			}
			// A field error is not a request error: 200 with data (null where the field failed).
			a = send(method, media.accept, `{ node(id: "cus_nope") { id } }`, nil)
			if _, hasData := a.body["data"]; a.status != 200 || !hasData || a.contentType != media.contentType || len(a.body["errors"]) == 0 {
				t.Errorf("%s field error, Accept %q: %d %s: %s", method, media.accept, a.status, a.contentType, a.raw)
			}
			if method == http.MethodGet {
				a = send(method, media.accept, `mutation { logout { ok } }`, nil)
				if _, hasData := a.body["data"]; a.status != 405 || a.allow != "POST" || hasData || len(a.body["errors"]) == 0 {
					t.Errorf("a mutation over GET, Accept %q: %d, Allow %q: %s", media.accept, a.status, a.allow, a.raw)
				}
			}
		}
	}
	// And the session was not ended by any of it.
	if r := s.post(t, tok, `{ viewer { role } }`, nil); r.Code() != "" {
		t.Fatalf("after the requests: %s", r.Raw)
	}
}
