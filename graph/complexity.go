package graph

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/partnercenter/partnercenter/internal/apperr"
)

// MaxPageSize is the largest `first` or `last` a connection accepts.
const MaxPageSize = 100

// unboundedListCost is what a plain list field (not a connection) is assumed to hold.
const unboundedListCost = 10

// ComplexityLimit refuses operations whose cost exceeds Limit. A field costs 1 plus its children;
// a connection multiplies its children by its page size (first or last, else MaxPageSize), so the
// cost grows with the rows a request can make the server fetch.
type ComplexityLimit struct{ Limit int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = ComplexityLimit{}

// ExtensionName implements graphql.HandlerExtension.
func (ComplexityLimit) ExtensionName() string { return "ComplexityLimit" }

// Validate implements graphql.HandlerExtension.
func (c ComplexityLimit) Validate(graphql.ExecutableSchema) error {
	if c.Limit <= 0 {
		return fmt.Errorf("complexity limit must be positive")
	}
	return nil
}

// MutateOperationContext computes the cost before anything runs.
func (c ComplexityLimit) MutateOperationContext(ctx context.Context, rc *graphql.OperationContext) *gqlerror.Error {
	if rc.Operation == nil {
		return nil
	}
	w := costWalker{doc: rc.Doc, vars: rc.Variables, seen: map[string]bool{}}
	cost, err := w.selectionSet(rc.Operation.SelectionSet)
	if err != nil {
		return err
	}
	if cost > c.Limit {
		return &gqlerror.Error{
			Message:    fmt.Sprintf("the query is too complex: its cost is %d, the limit is %d; ask for fewer rows (first) or fewer nested lists", cost, c.Limit),
			Extensions: map[string]any{"code": "COMPLEXITY_LIMIT_EXCEEDED", "cost": cost, "limit": c.Limit},
		}
	}
	return nil
}

type costWalker struct {
	doc  *ast.QueryDocument
	vars map[string]any
	seen map[string]bool
}

func (w *costWalker) selectionSet(set ast.SelectionSet) (int, *gqlerror.Error) {
	total := 0
	for _, sel := range set {
		var cost int
		var err *gqlerror.Error
		switch s := sel.(type) {
		case *ast.Field:
			cost, err = w.field(s)
		case *ast.InlineFragment:
			cost, err = w.selectionSet(s.SelectionSet)
		case *ast.FragmentSpread:
			if w.seen[s.Name] {
				continue
			}
			w.seen[s.Name] = true
			if def := w.doc.Fragments.ForName(s.Name); def != nil {
				cost, err = w.selectionSet(def.SelectionSet)
			}
			delete(w.seen, s.Name)
		}
		if err != nil {
			return 0, err
		}
		total += cost
	}
	return total, nil
}

func (w *costWalker) field(f *ast.Field) (int, *gqlerror.Error) {
	children, err := w.selectionSet(f.SelectionSet)
	if err != nil {
		return 0, err
	}
	if f.Definition == nil || f.Definition.Type == nil {
		return 1 + children, nil
	}
	switch {
	case isConnection(f.Definition.Type):
		args := f.ArgumentMap(w.vars)
		n, err := pageSize(args)
		if err != nil {
			return 0, err
		}
		if err := defaultPageSize(f, args); err != nil {
			return 0, err
		}
		return 1 + n*children, nil
	case f.Definition.Type.Elem != nil && len(f.SelectionSet) > 0 &&
		(f.ObjectDefinition == nil || !strings.HasSuffix(f.ObjectDefinition.Name, "Connection")):
		// A plain list edge; a connection's own edges are already counted by its page size.
		return 1 + unboundedListCost*children, nil
	}
	return 1 + children, nil
}

func isConnection(t *ast.Type) bool { return strings.HasSuffix(t.Name(), "Connection") }

// pageSize reads first/last, refusing negative or over-large values.
func pageSize(args map[string]any) (int, *gqlerror.Error) {
	n := MaxPageSize
	for _, name := range []string{"first", "last"} {
		v, ok := args[name]
		if !ok || v == nil {
			continue
		}
		var i int64
		switch x := v.(type) {
		case int64:
			i = x
		case int:
			i = int64(x)
		case float64:
			i = int64(x)
		default:
			continue
		}
		if i < 0 || i > MaxPageSize {
			return 0, &gqlerror.Error{
				Message:    fmt.Sprintf("%s must be between 0 and %d, got %d", name, MaxPageSize, i),
				Extensions: map[string]any{"code": string(apperr.BadUserInput), "field": name},
			}
		}
		n = int(i)
	}
	return n, nil
}

// defaultPageSize gives a connection asked for without first or last a page of MaxPageSize, so a
// request can never fetch a whole table. It rewrites the parsed query once (the query cache keeps
// the rewritten document), instead of checking every field of every request in a middleware,
// which cost almost half of a large answer's time.
func defaultPageSize(f *ast.Field, args map[string]any) *gqlerror.Error {
	if args["first"] != nil || args["last"] != nil || f.Definition.Arguments.ForName("first") == nil {
		return nil
	}
	rewriteMu.Lock()
	defer rewriteMu.Unlock()
	if f.Arguments.ForName("first") != nil || f.Arguments.ForName("last") != nil {
		if a := f.Arguments.ForName("first"); a != nil && a.Value.Kind == ast.IntValue && a.Value.Raw == strconv.Itoa(MaxPageSize) {
			return nil // rewritten by an earlier request
		}
		// Given as a variable that is null here: the document cannot default it per request.
		return &gqlerror.Error{Message: "first (or last) must not be null: give a page size up to " + strconv.Itoa(MaxPageSize) + " or leave the argument out",
			Extensions: map[string]any{"code": string(apperr.BadUserInput), "field": "first"}}
	}
	f.Arguments = append(f.Arguments, &ast.Argument{Name: "first", Value: &ast.Value{Kind: ast.IntValue, Raw: strconv.Itoa(MaxPageSize)}})
	return nil
}

var rewriteMu sync.Mutex
