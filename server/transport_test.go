package main

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
)

// TestPOSTAnswers: the POST transport writes successful answers itself and leaves every other
// case to gqlgen's: the same shapes, statuses and content types either way.
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
	// A query that does not validate: gqlgen's status and error.
	if r := post(`{"query":"{ nope }"}`, ""); r.Status != 422 || len(r.Errors) == 0 {
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
	// A client asking for application/graphql-response+json gets it (from gqlgen).
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
