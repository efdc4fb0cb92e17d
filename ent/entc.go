//go:build ignore

// entc.go generates the ent client and the GraphQL schema of the entities (graph/ent.graphqls).
// Run through `make generate` (go generate ./ent, then gqlgen).
package main

import (
	"go/format"
	"log"
	"os"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("../graph/ent.graphqls"),
		entgql.WithConfigPath("../gqlgen.yml"),
		entgql.WithWhereInputs(true),
		entgql.WithNodeDescriptor(false),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	opts := []entc.Option{
		entc.Extensions(ex),
		entc.FeatureNames("privacy", "entql", "sql/lock", "sql/versioned-migration", "sql/modifier", "sql/execquery", "sql/upsert", "intercept"),
	}
	// The policies import the generated privacy package, which does not exist on a first run:
	// ENT_BOOTSTRAP=1 leaves them out so that run can create it.
	if os.Getenv("ENT_BOOTSTRAP") != "" {
		opts = append(opts, entc.BuildTags("bootstrap"))
	}
	if err := entc.Generate("./schema", &gen.Config{}, opts...); err != nil {
		log.Fatalf("running ent codegen: %v", err)
	}
	lateralNestedPages("gql_collection.go")
}

// lateralNestedPages makes the nested connections' eager loading (the first n children of each
// parent) use dbx.LimitPerRow, a LATERAL query on PostgreSQL, instead of entgql's window query,
// which reads every child of every parent (see internal/dbx/limitperrow.go).
func lateralNestedPages(path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	s := string(src)
	if !strings.Contains(s, "entgql.LimitPerRow(") {
		log.Fatalf("%s no longer calls entgql.LimitPerRow; update lateralNestedPages in ent/entc.go", path)
	}
	s = strings.ReplaceAll(s, "entgql.LimitPerRow(", "dbx.LimitPerRow(")
	s = strings.Replace(s, "\t\"entgo.io/contrib/entgql\"\n", "\t\"entgo.io/contrib/entgql\"\n\t\"github.com/partnercenter/partnercenter/internal/dbx\"\n", 1)
	out, err := format.Source([]byte(s))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		log.Fatal(err)
	}
}
