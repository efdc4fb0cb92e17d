package rule_test

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/gid"
)

func userRules() []entityRules {
	return []entityRules{{
		entity: "User",
		read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.User.Query().IDs(ctx) },
		reads: map[string]string{
			platform:     "plat adminA supA mgrA mgrA2 adminB adminD adminR adminR2 cuser",
			admin:        "adminA supA mgrA mgrA2",
			supervisor:   "adminA supA mgrA mgrA2",
			manager:      "adminA supA mgrA mgrA2",
			distributor:  "adminD adminR adminR2", // also its resellers' staff
			reseller:     "adminR",                // not its distributor's
			customerUser: "cuser",
			keyRead:      "adminA supA mgrA mgrA2",
			keyReadWrite: "adminA supA mgrA mgrA2",
		},
		probes: []probe{
			{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				return c.User.Create().SetEmail("new@example.com").SetDisplayName("new").SetPasswordHash("x").
					SetRole(user.RoleCUSTOMER_MANAGER).SetPartnerID(fx.id["A"]).Exec(ctx)
			}},
			{"update:self", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				return c.User.UpdateOneID(self(ctx)).SetDisplayName("changed").Exec(ctx)
			}},
			{"update:mgrA2", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				return c.User.UpdateOneID(fx.id["mgrA2"]).SetDisplayName("changed").Exec(ctx)
			}},
			{"bulkUpdate:adminB", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				return affected(c.User.Update().Where(user.ID(fx.id["adminB"])).SetDisplayName("changed").Save(ctx))
			}},
			{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				u := c.User.Create().SetEmail("gone@example.com").SetDisplayName("gone").SetPasswordHash("x").
					SetRole(user.RoleCUSTOMER_MANAGER).SetPartnerID(fx.id["A"]).SaveX(sys(ctx))
				return c.User.DeleteOneID(u.ID).Exec(ctx)
			}},
		},
		writes: map[string]string{
			platform:     "create update:self update:mgrA2 bulkUpdate:adminB delete",
			admin:        "update:self", // a bulk update is narrowed to its own row
			supervisor:   "update:self",
			manager:      "update:self",
			distributor:  "update:self",
			reseller:     "update:self",
			customerUser: "update:self",
			keyRead:      "", // a key never changes its creator's row
			keyReadWrite: "",
		},
	}}
}
