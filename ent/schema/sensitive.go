package schema

import (
	"entgo.io/contrib/entgql"
	"github.com/vektah/gqlparser/v2/ast"
)

// Sensitive marks a field as personal data (DOMAIN.md §8): GraphQL serves it masked through the
// @sensitive directive (graph/directives.go) unless the viewer may see it plainly. kind is one of
// the SensitiveKind enum values (NAME, ACCOUNT_NAME, MOBILE, EMAIL, BANK_ACCOUNT).
func Sensitive(kind string) entgql.Annotation {
	return entgql.Directives(entgql.NewDirective("sensitive", &ast.Argument{
		Name:  "kind",
		Value: &ast.Value{Raw: kind, Kind: ast.EnumValue},
	}))
}
