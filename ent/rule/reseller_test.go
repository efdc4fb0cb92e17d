package rule_test

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/resellerapplication"
	"github.com/partnercenter/partnercenter/internal/gid"
)

func resellerRules() []entityRules {
	apply := func(name string) probe {
		return probe{"apply:" + name, func(ctx context.Context, c *ent.Client, fx *fixture) error {
			return c.ResellerApplication.Create().SetResellerID(fx.id[name]).SetDistributorID(fx.id["D"]).Exec(ctx)
		}}
	}
	decide := func(name string) probe {
		return probe{"decide:" + name, func(ctx context.Context, c *ent.Client, fx *fixture) error {
			return c.ResellerApplication.UpdateOneID(fx.id[name]).SetStatus(resellerapplication.StatusREJECTED).Exec(ctx)
		}}
	}
	return []entityRules{{
		entity: "ResellerApplication",
		read: func(ctx context.Context, c *ent.Client) ([]gid.ID, error) {
			return c.ResellerApplication.Query().IDs(ctx)
		},
		reads: map[string]string{
			platform:     "appR appR2",
			admin:        "",
			supervisor:   "",
			manager:      "",
			distributor:  "appR appR2", // those it received
			reseller:     "appR",       // the one it sent
			customerUser: denied,
			keyRead:      "",
			keyReadWrite: "",
		},
		probes: []probe{
			apply("R"), apply("R2"), decide("appR"), decide("appR2"),
			{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				a := c.ResellerApplication.Create().SetResellerID(fx.id["R"]).SetDistributorID(fx.id["D"]).SaveX(sys(ctx))
				return c.ResellerApplication.DeleteOneID(a.ID).Exec(ctx)
			}},
		},
		writes: map[string]string{
			platform:     "apply:R apply:R2 decide:appR decide:appR2 delete",
			admin:        "",
			supervisor:   "",
			manager:      "",
			distributor:  "decide:appR decide:appR2",
			reseller:     "apply:R", // for itself only, and it does not decide its own
			customerUser: "",
			keyRead:      "",
			keyReadWrite: "",
		},
	}}
}
