package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/partnercenter/partnercenter/internal/apperr"
)

// The media types of an answer (GraphQL over HTTP): application/json, the default, answers every
// well-formed request with 200; application/graphql-response+json, for clients that ask for it,
// answers a request error (a query that does not parse or validate, variables that do not
// coerce, an operation refused before it runs) with 400. Neither has a data entry then.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// answerType is the media type a request accepts: the first of application/json (or */*,
// application/*) and application/graphql-response+json in its Accept header, and
// application/json when it names neither.
func answerType(r *http.Request) string {
	for part := range strings.SplitSeq(r.Header.Get("Accept"), ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		case mediaJSON, "application/*", "*/*":
			return mediaJSON
		}
	}
	return mediaJSON
}

// postJSON is the POST transport (gqlgen's decides which requests are its own). It answers with
// the status rules above, which gqlgen's does not (422 for an invalid query as application/json,
// a data entry in every answer), and writes a successful answer (data, no errors, no extensions)
// as {"data":...} directly: gqlgen writes every answer with json.Marshal, which re-reads the whole
// executed result to validate and compact it (the result is already compact JSON, written by the
// executor), and on a large answer that scan was about 7% of the server's CPU.
type postJSON struct{ transport.POST }

func (t postJSON) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	media := answerType(r)
	body, err := io.ReadAll(r.Body)
	if err != nil {
		malformed(w, r.Context(), exec, media, "the request body could not be read")
		return
	}
	var params graphql.RawParams
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&params) != nil { // the message must not echo the body: passwords travel in it
		malformed(w, r.Context(), exec, media, `the request body is not a GraphQL request: send JSON such as {"query": "...", "variables": {...}}`)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	serve(w, r.Context(), exec, &params, media, false)
}

// getQuery is the GET transport, for queries only, with the status rules of postJSON; a
// mutation gets 405 (GraphQL over HTTP).
type getQuery struct{ transport.GET }

func (t getQuery) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	start := graphql.Now()
	media := answerType(r)
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		malformed(w, r.Context(), exec, media, "the URL's query string could not be read")
		return
	}
	params := graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName"), Headers: r.Header}
	for name, into := range map[string]*map[string]any{"variables": &params.Variables, "extensions": &params.Extensions} {
		if v := q.Get(name); v != "" {
			dec := json.NewDecoder(strings.NewReader(v))
			dec.UseNumber()
			if dec.Decode(into) != nil {
				malformed(w, r.Context(), exec, media, "the "+name+" parameter is not a JSON object")
				return
			}
		}
	}
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}
	serve(w, r.Context(), exec, &params, media, true)
}

// serve runs one decoded request and writes its answer.
func serve(w http.ResponseWriter, ctx context.Context, exec graphql.GraphExecutor, params *graphql.RawParams, media string, queriesOnly bool) {
	h := w.Header()
	h.Set("Content-Type", media)
	h.Set("X-Content-Type-Options", "nosniff")
	rc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		status := http.StatusOK
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
		writeRequestError(w, status, exec.DispatchError(refusedOperation(ctx, params), errs))
		return
	}
	if queriesOnly && rc.Operation.Operation != ast.Query {
		h.Set("Allow", http.MethodPost)
		writeRequestError(w, http.StatusMethodNotAllowed, exec.DispatchError(refusedOperation(ctx, params), gqlerror.List{{
			Message: "GET serves queries only: send a " + string(rc.Operation.Operation) + " with POST", Extensions: map[string]any{"code": string(apperr.BadUserInput)}}}))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	resp := responses(ctx)
	if len(resp.Errors) == 0 && len(resp.Extensions) == 0 && resp.Label == "" && resp.Path == nil && resp.HasNext == nil {
		data := []byte(resp.Data)
		if len(data) == 0 {
			data = []byte("null")
		}
		_, _ = io.WriteString(w, `{"data":`)
		_, _ = w.Write(data)
		_, _ = io.WriteString(w, "}")
		return
	}
	b, err := json.Marshal(resp)
	if err != nil {
		http.Error(w, `{"errors":[{"message":"the answer could not be written"}]}`, http.StatusInternalServerError)
		return
	}
	_, _ = w.Write(b)
}

// refusedOperation is the context in which a request that never ran is answered: an operation
// context without an operation, so that the response interceptors (the transactioner) see
// nothing to run, and the error presenter knows the request was read.
func refusedOperation(ctx context.Context, params *graphql.RawParams) context.Context {
	return graphql.WithOperationContext(ctx, &graphql.OperationContext{RawQuery: params.Query, OperationName: params.OperationName})
}

// malformed answers a request that is not a GraphQL request at all with 400.
func malformed(w http.ResponseWriter, ctx context.Context, exec graphql.GraphExecutor, media, msg string) {
	w.Header().Set("Content-Type", media)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	writeRequestError(w, http.StatusBadRequest, exec.DispatchError(ctx, gqlerror.List{{
		Message: msg, Extensions: map[string]any{"code": string(apperr.BadUserInput)}}}))
}

// writeRequestError writes the answer of a request that did not run: its errors, no data entry.
func writeRequestError(w http.ResponseWriter, status int, resp *graphql.Response) {
	b, err := json.Marshal(struct {
		Errors     gqlerror.List  `json:"errors"`
		Extensions map[string]any `json:"extensions,omitempty"`
	}{resp.Errors, resp.Extensions})
	if err != nil {
		b = []byte(`{"errors":[{"message":"the answer could not be written"}]}`)
	}
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
