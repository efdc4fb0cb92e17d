package rule_test

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/gid"
)

func partnerRules() []entityRules {
	update := func(name string) probe {
		return probe{"update:" + name, func(ctx context.Context, c *ent.Client, fx *fixture) error {
			return c.Partner.UpdateOneID(fx.id[name]).SetProgramName("changed").Exec(ctx)
		}}
	}
	return []entityRules{{
		entity: "Partner",
		read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.Partner.Query().IDs(ctx) },
		reads: map[string]string{
			platform:     "A B D R R2",
			admin:        "A",
			supervisor:   "A",
			manager:      "A",
			distributor:  "D R R2", // its resellers
			reseller:     "R D",    // its distributor, not the distributor's other reseller R2
			customerUser: "A",      // its current partner only (not B, which a1 came from)
			keyRead:      "A",
			keyReadWrite: "A",
		},
		probes: []probe{
			{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				return c.Partner.Create().SetName("New").SetKind(partner.KindSOLUTION_PROVIDER).Exec(ctx)
			}},
			update("A"), update("D"), update("R"),
			{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				p := c.Partner.Create().SetName("Empty").SetKind(partner.KindSOLUTION_PROVIDER).SaveX(sys(ctx))
				return c.Partner.DeleteOneID(p.ID).Exec(ctx)
			}},
		},
		writes: map[string]string{
			platform:     "create update:A update:D update:R delete",
			admin:        "update:A", // its own settings
			supervisor:   "",
			manager:      "",
			distributor:  "update:D", // not its reseller's settings
			reseller:     "update:R",
			customerUser: "",
			keyRead:      "",
			keyReadWrite: "", // a key changes no settings
		},
	}}
}
