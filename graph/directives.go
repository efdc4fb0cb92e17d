package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/partnercenter/partnercenter/internal/mask"
	"github.com/partnercenter/partnercenter/internal/sensitive"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// sensitiveDirective masks personal data on every path that reaches a @sensitive field
// (connections, edges, node(), mutation payloads), unless it is the viewer's own.
func sensitiveDirective(ctx context.Context, obj any, next graphql.Resolver, kind mask.Kind) (any, error) {
	res, err := next(ctx)
	if err != nil || res == nil {
		return res, err
	}
	if sensitive.PlainForViewer(viewer.FromContext(ctx), obj) {
		return res, nil
	}
	switch s := res.(type) {
	case string:
		return mask.Value(kind, s), nil
	case *string:
		if s == nil {
			return s, nil
		}
		m := mask.Value(kind, *s)
		return &m, nil
	}
	return nil, nil // an unexpected type is withheld, never shown plainly
}
