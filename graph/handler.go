package graph

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/graph/generated"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Options configure the GraphQL handler.
type Options struct {
	// Introspection is on in development mode (GraphiQL needs it).
	Introspection bool
	// ComplexityLimit caps the cost of one operation (see complexity.go); 0 means DefaultComplexityLimit.
	ComplexityLimit int
	Logger          *slog.Logger
}

// DefaultComplexityLimit admits a 10,000-row answer (100 partners with 100 customers of a few
// fields each), or 50 partners with 10 customers each and 5 rows under every customer.
const DefaultComplexityLimit = 100000

// NewHandler builds the GraphQL HTTP handler: POST and GET (queries only) transports, a
// transaction per mutation, limits, and the error presenter.
func NewHandler(client *ent.Client, svc Services, opt Options) *handler.Server {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.ComplexityLimit == 0 {
		opt.ComplexityLimit = DefaultComplexityLimit
	}
	srv := handler.New(NewSchema(client, svc))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(getQuery{})
	srv.AddTransport(postJSON{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	var exts []graphql.HandlerExtension
	if opt.Introspection {
		exts = append(exts, extension.Introspection{})
	}
	exts = append(exts,
		extension.AutomaticPersistedQuery{Cache: lru.New[string](100)},
		ComplexityLimit{Limit: opt.ComplexityLimit},
		auditFlusher{client: client, log: opt.Logger}, // outside the transaction
		newTransactioner(client),
	)
	plain := true
	for _, e := range exts {
		srv.Use(e)
		if _, ok := e.(graphql.FieldInterceptor); ok {
			plain = false
		}
	}
	// Plain scalar fields skip gqlgen's per-field machinery (graph/internal/execpatch), which is
	// only sound while no field interceptor would see them; srv.AroundFields is not used here.
	generated.UsePlainFields(plain)
	srv.AroundOperations(withLoaders(client))
	srv.SetDisableSuggestion(true)
	srv.AroundRootFields(requireViewer)
	srv.SetErrorPresenter(presentError(opt.Logger))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		opt.Logger.ErrorContext(ctx, "panic in resolver", "panic", p, "stack", string(debug.Stack()))
		return apperr.New(apperr.Internal, "internal error")
	})
	return srv
}

// publicRootFields may be resolved without logging in.
var publicRootFields = map[string]bool{"login": true, "__typename": true, "__schema": true, "__type": true}

// requireViewer refuses every root field but login to an anonymous request, and every mutation
// to a read-only API key.
func requireViewer(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	rf := graphql.GetRootFieldContext(ctx)
	v := viewer.FromContext(ctx)
	if rf == nil || publicRootFields[rf.Field.Name] {
		return next(ctx)
	}
	if v == nil {
		graphql.AddError(ctx, apperr.New(apperr.Unauthenticated, "log in first: call the login mutation or send Authorization: Bearer <token>"))
		return graphql.Null
	}
	if oc := graphql.GetOperationContext(ctx); v.ReadOnly && oc.Operation != nil && oc.Operation.Operation == ast.Mutation {
		graphql.AddError(ctx, apperr.New(apperr.Forbidden, "this API key has the READ scope: it may not call mutations"))
		return graphql.Null
	}
	return next(ctx)
}

// transactioner runs each mutation operation in one transaction (entgql's Transactioner), except
// an operation whose root fields are declared @ownTransaction in the schema (login and the money
// mutations open their own). The transaction commits only when no mutation failed (a top-level
// error) and none was refused (userErrors): a refused mutation changes nothing. It answers
// requests without an operation too: gqlgen also runs the response interceptors for a request it
// refuses before there is one (a body that is not JSON), where entgql's would panic looking for
// the operation and the client got "internal error" instead of what was wrong with its request.
type transactioner struct{ entgql.Transactioner }

func newTransactioner(client *ent.Client) transactioner {
	return transactioner{entgql.Transactioner{TxOpener: refusableTxOpener{client}, SkipTxFunc: ownTransaction}}
}

// ownTransactionDirective marks, in the schema, the mutations that run their own transactions.
const ownTransactionDirective = "ownTransaction"

// ownTransaction reports an operation whose root fields run their own transactions.
func ownTransaction(op *ast.OperationDefinition) bool {
	for _, f := range rootFields(op.SelectionSet, nil) {
		if f.Definition != nil && f.Definition.Directives.ForName(ownTransactionDirective) != nil {
			return true
		}
	}
	return false
}

// rootFields are the fields an operation selects at its root, through fragments (the validator
// has linked each spread to its definition), leaving out __typename.
func rootFields(set ast.SelectionSet, out []*ast.Field) []*ast.Field {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if !strings.HasPrefix(s.Name, "__") {
				out = append(out, s)
			}
		case *ast.InlineFragment:
			out = rootFields(s.SelectionSet, out)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				out = rootFields(s.Definition.SelectionSet, out)
			}
		}
	}
	return out
}

// MutateOperationContext refuses a mutation operation that mixes fields that run their own
// transactions with fields that need the request's: the latter would run without one.
func (t transactioner) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if op := oc.Operation; op != nil && op.Operation == ast.Mutation && ownTransaction(op) {
		for _, f := range rootFields(op.SelectionSet, nil) {
			if f.Definition != nil && f.Definition.Directives.ForName(ownTransactionDirective) == nil {
				return &gqlerror.Error{
					Message:    fmt.Sprintf("%s cannot share an operation with login or a money mutation (they run their own transactions): send it in an operation of its own", f.Name),
					Extensions: map[string]any{"code": string(apperr.BadUserInput)},
				}
			}
		}
	}
	return t.Transactioner.MutateOperationContext(ctx, oc)
}

func (t transactioner) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	ctx, r := withRefusals(ctx)
	resp := t.Transactioner.InterceptResponse(ctx, next)
	if op := graphql.GetOperationContext(ctx).Operation; r.rolledBack.Load() && len(resp.Errors) == 0 && op != nil && len(rootFields(op.SelectionSet, nil)) > 1 {
		// The other mutations' payloads describe what they did before the rollback undid it.
		resp.Errors = append(resp.Errors, &gqlerror.Error{
			Message:    "nothing was saved: a mutation of this operation was refused (see its userErrors), so the whole operation was rolled back",
			Extensions: map[string]any{"code": codeRolledBack},
		})
	}
	return resp
}

// codeRolledBack is the top-level error of an operation of several mutations that was rolled
// back because one of them was refused.
const codeRolledBack = "ROLLED_BACK"

// refusableTxOpener opens the request's transaction with a Commit that rolls back instead when a
// mutation of the request was refused (userErrors), as entgql commits whenever there is no error.
type refusableTxOpener struct{ client *ent.Client }

func (o refusableTxOpener) OpenTx(ctx context.Context) (context.Context, driver.Tx, error) {
	txCtx, tx, err := o.client.OpenTx(ctx)
	if err != nil {
		return nil, nil, err
	}
	r, _ := ctx.Value(refusalsKey{}).(*refusals)
	return txCtx, refusableTx{Tx: tx, refusals: r}, nil
}

type refusableTx struct {
	driver.Tx
	refusals *refusals
}

func (t refusableTx) Commit() error {
	if t.refusals != nil && t.refusals.refused.Load() {
		t.refusals.rolledBack.Store(true)
		return t.Tx.Rollback()
	}
	return t.Tx.Commit()
}

// auditFlusher writes the refusals recorded during a request (audit.RecordRefusal) after the
// request's transaction has committed or rolled back, so that a refusal stays on record.
type auditFlusher struct {
	client *ent.Client
	log    *slog.Logger
}

func (auditFlusher) ExtensionName() string                   { return "AuditFlusher" }
func (auditFlusher) Validate(graphql.ExecutableSchema) error { return nil }

func (a auditFlusher) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	d := &audit.Deferred{}
	resp := next(audit.WithDeferred(ctx, d))
	if err := d.Flush(a.client); err != nil {
		a.log.ErrorContext(ctx, "writing deferred audit records", "err", err)
	}
	return resp
}

// presentError maps domain errors to extensions.code and hides everything else.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		if gerr.Extensions == nil {
			gerr.Extensions = map[string]any{}
		}
		if _, ok := gerr.Extensions["code"]; !ok && !isWrapped(err) && !graphql.HasOperationContext(ctx) {
			// gqlgen refused the request before reading an operation from it (a body that is not
			// JSON, or not a JSON object): its message would echo the body, passwords included.
			gerr.Message = `the request body is not a GraphQL request: send JSON such as {"query": "...", "variables": {...}}`
			gerr.Extensions["code"] = string(apperr.BadUserInput)
			return gerr
		}
		if code, ok := gerr.Extensions["code"]; ok && !isWrapped(err) {
			if code == string(apperr.NotFound) { // entgql's node errors echo the ID; say less
				gerr.Message = "no object with this ID that you may see"
			}
			return gerr // parse and validation errors carry their own code
		}
		var denied bool
		switch e, ok := apperr.As(err); {
		case ok:
			gerr.Message = e.Message
			gerr.Extensions["code"] = string(e.Code)
			if e.Field != "" {
				gerr.Extensions["field"] = e.Field
			}
			if e.Reason != "" {
				gerr.Extensions["reason"] = e.Reason
			}
		case errors.Is(err, money.ErrInvalid):
			gerr.Message = err.Error()
			gerr.Extensions["code"] = string(apperr.BadUserInput)
		case ent.IsNotFound(err):
			gerr.Message = "not found"
			gerr.Extensions["code"] = string(apperr.NotFound)
		case errors.Is(err, privacy.Deny):
			denied = true
			gerr.Message = "forbidden"
			gerr.Extensions["code"] = string(apperr.Forbidden)
		case ent.IsValidationError(err), ent.IsConstraintError(err):
			gerr.Message = "the input was refused by a data rule"
			gerr.Extensions["code"] = string(apperr.BadUserInput)
		case isArgumentError(ctx, gerr):
			gerr.Message = fmt.Sprintf("invalid argument %v: %s", gerr.Path[len(gerr.Path)-1], gerr.Message)
			gerr.Extensions["code"] = string(apperr.BadUserInput)
		default:
			log.ErrorContext(ctx, "internal error", "err", err, "path", gerr.Path.String())
			gerr.Message = "internal error"
			gerr.Extensions["code"] = string(apperr.Internal)
		}
		if denied {
			log.InfoContext(ctx, "privacy denied", "err", err.Error(), "path", gerr.Path.String())
		}
		return gerr
	}
}

// isWrapped reports an error that gqlgen wrapped from a resolver (as opposed to one it made).
func isWrapped(err error) bool {
	var gerr *gqlerror.Error
	if errors.As(err, &gerr) {
		return gerr.Unwrap() != nil
	}
	return true
}

// isArgumentError reports an argument that failed to unmarshal (a malformed cursor, ID or
// Decimal): gqlgen reports it on a path that extends the field's path by the argument's name.
func isArgumentError(ctx context.Context, gerr *gqlerror.Error) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return false
	}
	fp := fc.Path()
	if len(gerr.Path) <= len(fp) {
		return false
	}
	name, ok := gerr.Path[len(fp)].(ast.PathName)
	if !ok {
		return false
	}
	for _, a := range fc.Field.Arguments {
		if a.Name == string(name) {
			return true
		}
	}
	return false
}
