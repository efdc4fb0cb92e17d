package rule_test

import (
	"context"
	"fmt"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/product"
	"github.com/partnercenter/partnercenter/internal/gid"
)

// catalogueRules: everyone logged in reads the whole catalogue (it is public, the same for every
// partner and customer); only the platform writes it.
func catalogueRules() []entityRules {
	newType := func(ctx context.Context, c *ent.Client) (*ent.ServiceType, error) {
		return c.ServiceType.Create().SetCode(fmt.Sprintf("probe-%d", fresh.Add(1))).SetNameZh("探针").SetNameEn("Probe").Save(ctx)
	}
	newProduct := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.Product, error) {
		return c.Product.Create().SetCode(fmt.Sprintf("probe.%d", fresh.Add(1))).SetServiceTypeID(fx.id["svtCompute"]).
			SetNameZh("探针").SetNameEn("Probe").SetBillingModes("ON_DEMAND").
			SetOrderTypes("NEW").SetRegions("").Save(ctx)
	}
	platformOnly := func(probes string) map[string]string {
		m := everyRole("")
		m[platform] = probes
		return m
	}
	return []entityRules{
		{
			entity: "ServiceType",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.ServiceType.Query().IDs(ctx) },
			reads:  everyRole("svtCompute"),
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newType(ctx, c)
					return err
				}},
				{"update:svtCompute", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.ServiceType.UpdateOneID(fx.id["svtCompute"]).SetNameEn("Computing").Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					st, err := newType(sys(ctx), c)
					if err != nil {
						return err
					}
					return c.ServiceType.DeleteOneID(st.ID).Exec(ctx)
				}},
			},
			writes: platformOnly("create update:svtCompute delete"),
		},
		{
			entity: "Product",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.Product.Query().IDs(ctx) },
			reads:  everyRole("prdSmall prdOld"), // retired products too: old orders name them
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newProduct(ctx, c, fx)
					return err
				}},
				{"update:prdSmall", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.Product.UpdateOneID(fx.id["prdSmall"]).SetStatus(product.StatusRETIRED).Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					p, err := newProduct(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.Product.DeleteOneID(p.ID).Exec(ctx)
				}},
			},
			writes: platformOnly("create update:prdSmall delete"),
		},
	}
}
