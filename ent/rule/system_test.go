package rule_test

import (
	"context"
	"fmt"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/internal/gid"
)

// systemRules: rows that only viewer.SystemContext reads or writes; every role, the platform's
// too, is refused.
func systemRules() []entityRules {
	later := time.Now().Add(time.Hour)
	newSession := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.Session, error) {
		return c.Session.Create().SetTokenHash(fmt.Sprintf("probe-%d", fresh.Add(1))).SetUserID(self(ctx)).SetExpiresAt(later).Save(ctx)
	}
	newCode := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.VerificationCode, error) {
		return c.VerificationCode.Create().SetPurpose("register").SetTargetHash("t").SetCodeHash("c").SetExpiresAt(later).Save(ctx)
	}
	newRecord := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.IdempotencyRecord, error) {
		return c.IdempotencyRecord.Create().SetScope(string(fx.id["A"])).SetKey(fmt.Sprintf("probe-%d", fresh.Add(1))).
			SetOperation("allocate").SetRequestHash("h").SetExpiresAt(later).Save(ctx)
	}
	return []entityRules{
		{
			entity: "Session",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.Session.Query().IDs(ctx) },
			reads:  everyRole(denied),
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newSession(ctx, c, fx)
					return err
				}},
				{"update:sessA", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.Session.UpdateOneID(fx.id["sessA"]).SetRevokedAt(time.Now()).Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					s, err := newSession(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.Session.DeleteOneID(s.ID).Exec(ctx)
				}},
			},
			writes: everyRole(""),
		},
		{
			entity: "VerificationCode",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.VerificationCode.Query().IDs(ctx) },
			reads:  everyRole(denied),
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newCode(ctx, c, fx)
					return err
				}},
				{"update:vc1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.VerificationCode.UpdateOneID(fx.id["vc1"]).AddAttempts(1).Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					v, err := newCode(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.VerificationCode.DeleteOneID(v.ID).Exec(ctx)
				}},
			},
			writes: everyRole(""),
		},
		{
			entity: "IdempotencyRecord",
			read: func(ctx context.Context, c *ent.Client) ([]gid.ID, error) {
				return c.IdempotencyRecord.Query().IDs(ctx)
			},
			reads: everyRole(denied),
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newRecord(ctx, c, fx)
					return err
				}},
				{"update:idemA", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.IdempotencyRecord.UpdateOneID(fx.id["idemA"]).SetResponse("{}").Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					r, err := newRecord(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.IdempotencyRecord.DeleteOneID(r.ID).Exec(ctx)
				}},
			},
			writes: everyRole(""),
		},
	}
}
