// Command execpatch rewrites gqlgen's generated executor (graph/generated) to allocate less per
// object and per field, without changing what it answers. `make generate` runs it after gqlgen;
// scripts/check-generated.sh therefore checks its output too.
//
// Profiles of large answers (bench/nested: 10,000 rows, the nested list) showed gqlgen's generic
// execution, not the database, as most of the time: for every object it builds a @defer group
// and its path even when the query defers nothing, for every scalar field it allocates an error
// value and a closure that are only used if a client selects children of a scalar, and it
// marshals every list element on a goroutine of its own so that data loaders can batch. The
// rewrites, each anchored on an exact text that must be found (a gqlgen upgrade that changes it
// fails here, loudly, instead of silently losing the rewrite):
//
//  1. @defer bookkeeping (the group's map, field set and path) is made only when a field of the
//     object is deferred, and an object without deferred fields is written by fieldsJSON
//     (execfast.go), which needs neither gqlgen's map of written names nor a copy of each field;
//  2. scalar fields share one error and one child function per scalar type
//     (scalarFieldContext and noChildren in graph/generated/execfast.go);
//  3. lists go through marshalSlice (execfast.go), which marshals elements one after another on
//     the calling goroutine when nothing selected below the list is a resolver (only resolvers
//     use data loaders, which need sibling elements to run concurrently to batch), and falls back
//     to gqlgen's concurrent marshalling otherwise. The fields that are resolvers are listed in
//     the generated resolverFields table (execfast_fields.go), read from the generated code;
//  4. a scalar field that is read from a struct field, with no directive and no resolver, is
//     marshalled directly, without gqlgen's field context, resolver closures and middleware
//     call (about six allocations a field). What that skips can do nothing for such a field
//     unless a field interceptor is installed, so graph.NewHandler turns this on only when none
//     is (UsePlainFields). The one visible difference: an error from marshalling such a value
//     (a zero time in a non-null field, which the database's NOT NULL columns rule out) carries
//     the path of the object rather than of the field.
//  5. the map of every input type's unmarshaler that gqlgen builds for each operation (about 40
//     method values and a map: the largest allocation of a small mutation) is built only for
//     an operation that has a "where" argument: its one reader, graphql.UnmarshalInputFromContext,
//     is called by entgql's field collection for where-filters only (ent/gql_collection.go
//     unmarshalArgs); see inputUnmarshalers in execfast.go.
package main

import (
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

func main() {
	dir := "graph/generated"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir); err != nil {
		fmt.Fprintln(os.Stderr, "execpatch:", err)
		os.Exit(1)
	}
}

const deferTail = `	atomic.AddInt32(&ec.Deferred, int32(min(len(deferLabelToView), math.MaxInt32)))

	ec.ProcessDeferredGroup(graphql.DeferredGroup{
		Defers:   deferLabelToView,
		Path:     graphql.GetPath(ctx),
		FieldSet: deferredFieldSet,
		Context:  ctx,
	})

	return out
`

const deferTailPatched = `	if len(deferLabelToView) > 0 {
		atomic.AddInt32(&ec.Deferred, int32(min(len(deferLabelToView), math.MaxInt32)))
		ec.ProcessDeferredGroup(graphql.DeferredGroup{
			Defers:   deferLabelToView,
			Path:     graphql.GetPath(ctx),
			FieldSet: deferredFieldSet,
			Context:  ctx,
		})
		return out
	}
	return fieldsJSON{fields: fields, values: out.Values}
`

var replacements = []struct{ old, new string }{
	{deferTail, deferTailPatched},
	{"	deferredFieldSet := graphql.NewFieldSet(nil)\n	deferLabelToView := make(map[string]*graphql.FieldSetView)\n",
		"	var deferredFieldSet *graphql.FieldSet\n	var deferLabelToView map[string]*graphql.FieldSetView\n"},
	{"			if field.IsDeferred() {\n",
		"			if field.IsDeferred() {\n				if deferredFieldSet == nil {\n					deferredFieldSet, deferLabelToView = graphql.NewFieldSet(nil), map[string]*graphql.FieldSetView{}\n				}\n"},
	{"graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {",
		"marshalSlice(ctx, sel, len(v), func(ctx context.Context, i int) graphql.Marshaler {"},
	{"	inputUnmarshalMap := graphql.BuildUnmarshalerMap(\n",
		"	inputUnmarshalMap := inputUnmarshalers(opCtx, func() unmarshalerMap {\n		return graphql.BuildUnmarshalerMap(\n"},
	{"	)\n	first := true\n", "	)\n	})\n	first := true\n"},
}

var (
	scalarCtx   = regexp.MustCompile(`graphql\.NewScalarFieldContext\(("\w+", field, (?:true|false), (?:true|false)), errors\.New\("field of type (\w+) does not have child fields"\)\)`)
	fieldFunc   = regexp.MustCompile(`(?m)^func \(ec \*executionContext\) _([A-Za-z0-9]+)_(\w+)\(ctx context\.Context, field graphql\.CollectedField, obj [^)]*\) \(ret graphql\.Marshaler\) \{\n((?:.*\n)*?)\}\n`)
	errorsInUse = regexp.MustCompile(`\berrors\.`)
	// scalarFieldCtx finds the fields of scalar type (after the scalar rewrite above).
	scalarFieldCtx = regexp.MustCompile(`(?m)^func \(ec \*executionContext\) fieldContext_(\w+)\(_ context\.Context, field graphql\.CollectedField\) \(fc \*graphql\.FieldContext, err error\) \{\n\treturn scalarFieldContext\(`)
	// plainField is a field read from a struct field, with no directive and no resolver.
	plainField = regexp.MustCompile(`(?m)(^func \(ec \*executionContext\) _(\w+)\(ctx context\.Context, field graphql\.CollectedField, obj [^)]*\) \(ret graphql\.Marshaler\) \{\n)(\treturn graphql\.ResolveField\(\n\t\tctx,\n\t\tec\.OperationContext,\n\t\tfield,\n\t\tfunc\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{\n\t\t\treturn ec\.fieldContext_\w+\(ctx, field\)\n\t\t\},\n\t\tfunc\(ctx context\.Context\) \(any, error\) \{\n\t\t\treturn obj\.(\w+), nil\n\t\t\},\n\t\tnil,\n\t\tfunc\(ctx context\.Context, selections ast\.SelectionSet, v [^)]*\) graphql\.Marshaler \{\n\t\t\treturn (ec\.marshal[^(]+)\(ctx, selections, v\)\n)`)
)

func run(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.generated.go"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no generated files in %s (%v)", dir, err)
	}
	found := make([]int, len(replacements))
	scalars := map[string]bool{}
	scalarFields := map[string]bool{} // T_f whose field context is a scalar's
	var resolvers []string
	srcs := make([]string, len(files))
	texts := make([]string, len(files))
	for k, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		srcs[k] = string(src)
		s := srcs[k]
		for i, r := range replacements {
			found[i] += strings.Count(s, r.old)
			s = strings.ReplaceAll(s, r.old, r.new)
		}
		s = scalarCtx.ReplaceAllStringFunc(s, func(m string) string {
			sm := scalarCtx.FindStringSubmatch(m)
			scalars[sm[2]] = true
			return "scalarFieldContext(" + sm[1] + ", noChildren_" + sm[2] + ")"
		})
		for _, m := range scalarFieldCtx.FindAllStringSubmatch(s, -1) {
			scalarFields[m[1]] = true
		}
		for _, m := range fieldFunc.FindAllStringSubmatch(s, -1) {
			if strings.Contains(m[3], "ec.Resolvers.") {
				resolvers = append(resolvers, m[1]+"."+m[2])
			}
		}
		texts[k] = s
	}
	plain := 0
	for k, f := range files {
		s := plainField.ReplaceAllStringFunc(texts[k], func(m string) string {
			sm := plainField.FindStringSubmatch(m)
			if !scalarFields[sm[2]] {
				return m
			}
			plain++
			return sm[1] + "\tif plainFields.Load() {\n\t\treturn " + sm[5] + "(ctx, field.Selections, obj." + sm[4] + ")\n\t}\n" + sm[3]
		})
		if !errorsInUse.MatchString(s) {
			s = strings.Replace(s, "\t\"errors\"\n", "", 1)
		}
		out, err := format.Source([]byte(s))
		if err != nil {
			return fmt.Errorf("%s: %v", f, err)
		}
		if string(out) != srcs[k] {
			if err := os.WriteFile(f, out, 0o644); err != nil {
				return err
			}
		}
	}
	for i, n := range found {
		// The slice rewrite may legitimately find nothing in a schema without lists of objects;
		// the others are in every object gqlgen writes.
		if n == 0 && i != 3 {
			return fmt.Errorf("gqlgen's output no longer contains %q; update graph/internal/execpatch", strings.SplitN(replacements[i].old, "\n", 2)[0])
		}
	}
	if len(scalars) == 0 || plain == 0 {
		return fmt.Errorf("gqlgen's output no longer writes scalar fields as expected; update graph/internal/execpatch")
	}
	return writeTables(filepath.Join(dir, "execfast_fields.go"), scalars, resolvers)
}

func writeTables(path string, scalars map[string]bool, resolvers []string) error {
	var b strings.Builder
	b.WriteString("// Code generated by graph/internal/execpatch. DO NOT EDIT.\n\npackage generated\n\n")
	b.WriteString("// One child function (and error) per scalar type, shared by all scalar fields of that type.\nvar (\n")
	names := make([]string, 0, len(scalars))
	for s := range scalars {
		names = append(names, s)
	}
	slices.Sort(names)
	for _, s := range names {
		fmt.Fprintf(&b, "\tnoChildren_%s = noChildren(%q)\n", s, s)
	}
	b.WriteString(")\n\n// resolverFields are the fields answered by a resolver (which may use a data loader).\nvar resolverFields = map[string]bool{\n")
	slices.Sort(resolvers)
	for _, r := range slices.Compact(resolvers) {
		fmt.Fprintf(&b, "\t%q: true,\n", r)
	}
	b.WriteString("}\n")
	out, err := format.Source([]byte(b.String()))
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o644)
}
