//go:build ignore

// entc.go generates the ent client and the GraphQL schema of the entities (graph/ent.graphqls).
// Run through `make generate` (go generate ./ent, then gqlgen).
package main

import (
	"log"
	"os"

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
}
