package rule

import (
	"context"

	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// The product catalogue (service types and products) is public to everyone logged in: every
// partner and customer reads the same rows, so its query policy has no filter. Only the platform
// operator changes it.

// AllowCatalogueWrite lets the platform operator write the catalogue, unless the viewer is
// read-only (a READ key).
func AllowCatalogueWrite() privacy.MutationRule {
	return privacy.ContextQueryMutationRule(func(ctx context.Context) error {
		if v := viewer.FromContext(ctx); v.IsPlatform() && !v.ReadOnly {
			return privacy.Allow
		}
		return privacy.Skip
	})
}

// MayWriteCatalogue is the same test for resolvers that answer FORBIDDEN before writing.
func MayWriteCatalogue(v *viewer.Viewer) bool { return v.IsPlatform() && !v.ReadOnly }
