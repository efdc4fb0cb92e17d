package generated

// What graph/internal/execpatch rewrites gqlgen's generated executor to call (see there for why).

import (
	"context"
	"errors"
	"io"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// plainFields lets plain scalar fields skip gqlgen's per-field machinery (rewrite 4 of
// graph/internal/execpatch). Only a handler without field interceptors may turn it on.
var plainFields atomic.Bool

// UsePlainFields turns the plain-field path on or off; see plainFields.
func UsePlainFields(on bool) { plainFields.Store(on) }

type unmarshalerMap = map[reflect.Type]reflect.Value

// inputUnmarshalers is the operation's map of input unmarshalers (rewrite 5 of
// graph/internal/execpatch): built only if the operation's text has a "where" (an argument
// of that name, or the word anywhere else: the test errs towards building it). Its only reader,
// graphql.UnmarshalInputFromContext, is called for where-filters alone, by entgql's field
// collection (ent/gql_collection.go); without a map it reports an error that the collection
// treats as "no filter", which no operation without a where-filter has.
func inputUnmarshalers(opCtx *graphql.OperationContext, build func() unmarshalerMap) unmarshalerMap {
	if !strings.Contains(opCtx.RawQuery, "where") {
		return nil
	}
	return build()
}

type childFunc = func(context.Context, graphql.CollectedField) (*graphql.FieldContext, error)

// noChildren is the child function of every field of scalar type typ: a scalar has no fields.
func noChildren(typ string) childFunc {
	err := errors.New("field of type " + typ + " does not have child fields")
	return func(context.Context, graphql.CollectedField) (*graphql.FieldContext, error) { return nil, err }
}

// scalarFieldContext is graphql.NewScalarFieldContext with a shared child function: one
// allocation per field instead of three.
func scalarFieldContext(object string, field graphql.CollectedField, isMethod, isResolver bool, child childFunc) (*graphql.FieldContext, error) {
	return &graphql.FieldContext{Object: object, Field: field, IsMethod: isMethod, IsResolver: isResolver, Child: child}, nil
}

// marshalSlice marshals the n elements of a list. When nothing selected below the list is a
// resolver, the elements are marshalled one after another on this goroutine; otherwise each gets
// a goroutine (gqlgen's way), so that the data loaders behind resolvers see all siblings at once
// and batch them. Either way an element that panics turns the list into null with an error, as
// gqlgen does.
func marshalSlice(ctx context.Context, sel ast.SelectionSet, n int, f func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if n > 1 && mayBatch(sel) {
		return graphql.MarshalSliceConcurrently(ctx, n, 0, false, f)
	}
	ret := make(graphql.Array, n)
	idx := make([]int, n)
	fcs := make([]graphql.FieldContext, n)
	for i := range n {
		idx[i] = i
		fcs[i].Index = &idx[i]
		childCtx := graphql.WithFieldContext(ctx, &fcs[i])
		if !marshalElement(childCtx, ret, i, f) {
			return nil
		}
	}
	return ret
}

func marshalElement(ctx context.Context, ret graphql.Array, i int, f func(ctx context.Context, i int) graphql.Marshaler) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			graphql.AddError(ctx, graphql.Recover(ctx, r))
			ok = false
		}
	}()
	ret[i] = f(ctx, i)
	return true
}

// batchCache remembers mayBatch per selection set of a parsed (and cached) query.
var batchCache sync.Map // *ast.Selection -> bool

const batchCacheMax = 4096

var batchCacheLen int64
var batchCacheMu sync.Mutex

// mayBatch reports whether sel selects, at any depth, a field answered by a resolver.
func mayBatch(sel ast.SelectionSet) bool {
	if len(sel) == 0 {
		return false
	}
	key := &sel[0]
	if v, ok := batchCache.Load(key); ok {
		return v.(bool)
	}
	v := selectsResolver(sel, 0)
	batchCacheMu.Lock()
	if batchCacheLen >= batchCacheMax {
		batchCache.Clear()
		batchCacheLen = 0
	}
	batchCacheLen++
	batchCacheMu.Unlock()
	batchCache.Store(key, v)
	return v
}

func selectsResolver(sel ast.SelectionSet, depth int) bool {
	if depth > 64 { // fragments cannot cycle in a validated query; this only bounds the walk
		return true
	}
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			if s.ObjectDefinition == nil || resolverFields[s.ObjectDefinition.Name+"."+s.Name] {
				return true
			}
			// A field selected on an interface or union may be a resolver in the type behind it.
			if s.ObjectDefinition.Kind != ast.Object && s.Name != "id" && s.Name != "__typename" {
				return true
			}
			if selectsResolver(s.SelectionSet, depth+1) {
				return true
			}
		case *ast.InlineFragment:
			if selectsResolver(s.SelectionSet, depth+1) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Definition == nil || selectsResolver(s.Definition.SelectionSet, depth+1) {
				return true
			}
		}
	}
	return false
}

// fieldsJSON writes an object's fields (collected by gqlgen, so each response name once) in
// order. gqlgen's FieldSet.MarshalGQL does the same through a map of the names written so far
// and a heap copy of every field, which only the @defer path needs.
type fieldsJSON struct {
	fields []graphql.CollectedField
	values []graphql.Marshaler
}

func (o fieldsJSON) MarshalGQL(w io.Writer) {
	io.WriteString(w, "{")
	for i := range o.fields {
		if i > 0 {
			io.WriteString(w, ",")
		}
		// A response name is a GraphQL name ([_A-Za-z][_0-9A-Za-z]*): nothing to escape.
		io.WriteString(w, `"`)
		io.WriteString(w, o.fields[i].Alias)
		io.WriteString(w, `":`)
		o.values[i].MarshalGQL(w)
	}
	io.WriteString(w, "}")
}
