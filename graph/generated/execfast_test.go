package generated

import (
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestMayBatch: a list is marshalled concurrently exactly when something selected below it is a
// resolver (which may be waiting on a data loader for its siblings).
func TestMayBatch(t *testing.T) {
	schema := NewExecutableSchema(Config{}).Schema()
	for q, want := range map[string]bool{
		`{ customers { edges { node { id name createdAt } } } }`:                                                             false,
		`{ customers { edges { node { id allocatedBalance } } } }`:                                                           true,
		`{ customers { edges { node { id journals { edges { node { id amount } } } } } } }`:                                  false,
		`{ partners { edges { node { id customers { edges { node { ...F } } } } } } } fragment F on Customer { ownBalance }`: true,
		`{ partners { edges { node { id customers { edges { node { ... on Customer { id } } } } } } } }`:                     false,
		`{ nodes(ids: ["x"]) { id ... on Partner { account { id } } } }`:                                                     true,
	} {
		doc, errs := gqlparser.LoadQueryWithRules(schema, q, nil)
		if errs != nil {
			t.Fatalf("%s: %v", q, errs)
		}
		// The selection below the root field's list: root field -> its selection set.
		root := doc.Operations[0].SelectionSet[0].(*ast.Field)
		if got := selectsResolver(root.SelectionSet, 0); got != want {
			t.Errorf("%s: mayBatch = %v, want %v", q, got, want)
		}
		if got := mayBatch(root.SelectionSet); got != want { // and again from the cache
			t.Errorf("%s: cached mayBatch = %v, want %v", q, got, want)
		}
	}
}
