package rule_test

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/internal/gid"
)

func auditRules() []entityRules {
	record := func(ctx context.Context, c *ent.Client, actor gid.ID) (*ent.AuditLog, error) {
		return c.AuditLog.Create().SetAction(auditlog.ActionLOGOUT).SetActorID(actor).Save(ctx)
	}
	ownLog := "logA logSupA logMgrA logKeyRead logKeyRW" // Partner A's whole log
	return []entityRules{{
		entity: "AuditLog",
		read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.AuditLog.Query().IDs(ctx) },
		reads: map[string]string{
			platform:     "logA logSupA logMgrA logCust logB logD logR logPlat logKeyRead logKeyRW logKeyB",
			admin:        ownLog,
			supervisor:   "logSupA", // its own actions only
			manager:      "logMgrA",
			distributor:  "logD", // its acts for R are in its own log, not R's
			reseller:     "logR",
			customerUser: "logCust",
			keyRead:      ownLog,
			keyReadWrite: ownLog,
		},
		probes: []probe{
			{"create:self", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				_, err := record(ctx, c, self(ctx))
				return err
			}},
			{"create:other", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				_, err := record(ctx, c, fx.id["adminB"])
				return err
			}},
			{"update:logA", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				return c.AuditLog.UpdateOneID(fx.id["logA"]).Exec(ctx) // every field is immutable
			}},
			{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				l, err := record(sys(ctx), c, self(ctx))
				if err != nil {
					return err
				}
				return c.AuditLog.DeleteOneID(l.ID).Exec(ctx)
			}},
		},
		writes: map[string]string{ // append-only, and only one's own actions, the platform's too
			platform:     "create:self",
			admin:        "create:self",
			supervisor:   "create:self",
			manager:      "create:self",
			distributor:  "create:self",
			reseller:     "create:self",
			customerUser: "create:self",
			keyRead:      "create:self", // its refusals are recorded
			keyReadWrite: "create:self",
		},
	}}
}
