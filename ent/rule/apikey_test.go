package rule_test

import (
	"context"
	"fmt"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/apikey"
	"github.com/partnercenter/partnercenter/internal/gid"
)

func apiKeyRules() []entityRules {
	create := func(ctx context.Context, c *ent.Client, fx *fixture, partnerName, adminName string) (*ent.APIKey, error) {
		n := fresh.Add(1)
		return c.APIKey.Create().SetPartnerID(fx.id[partnerName]).SetCreatedByID(fx.id[adminName]).SetName("probe").
			SetPrefix(fmt.Sprintf("pck_probe%d", n)).SetSecretHash(fmt.Sprintf("hash%d", n)).SetScope(apikey.ScopeREAD).Save(ctx)
	}
	update := func(name string) probe {
		return probe{"update:" + name, func(ctx context.Context, c *ent.Client, fx *fixture) error {
			return c.APIKey.UpdateOneID(fx.id[name]).SetName("renamed").Exec(ctx)
		}}
	}
	return []entityRules{{
		entity: "APIKey",
		read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.APIKey.Query().IDs(ctx) },
		reads: map[string]string{
			platform:     "keyRead keyRW keyB",
			admin:        "keyRead keyRW",
			supervisor:   denied,
			manager:      denied,
			distributor:  "", // an admin, with no keys of its own
			reseller:     "",
			customerUser: denied,
			keyRead:      denied, // a key does not see keys
			keyReadWrite: denied,
		},
		probes: []probe{
			{"create@A", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				_, err := create(ctx, c, fx, "A", "adminA")
				return err
			}},
			{"create@B", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				_, err := create(ctx, c, fx, "B", "adminB")
				return err
			}},
			update("keyRead"), update("keyB"),
			{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				k, err := create(sys(ctx), c, fx, "A", "adminA")
				if err != nil {
					return err
				}
				return c.APIKey.DeleteOneID(k.ID).Exec(ctx)
			}},
		},
		writes: map[string]string{
			platform:     "", // the platform reads keys, it does not make or revoke them
			admin:        "create@A update:keyRead",
			supervisor:   "",
			manager:      "",
			distributor:  "",
			reseller:     "",
			customerUser: "",
			keyRead:      "",
			keyReadWrite: "", // a key never manages keys
		},
	}}
}
