package rule_test

import (
	"context"
	"fmt"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
)

// everyRole gives each role the same expectation.
func everyRole(want string) map[string]string {
	m := make(map[string]string, len(roles))
	for _, r := range roles {
		m[r] = want
	}
	return m
}

func ledgerRules() []entityRules {
	newAccount := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.Account, error) {
		cu := fx.id["a3"]
		return c.Account.Create().SetKind(account.KindCUSTOMER_OWN).SetCustomerID(cu).SetOwnerKey("CUSTOMER_OWN:" + string(cu)).Save(ctx)
	}
	newJournal := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.Journal, error) {
		return c.Journal.Create().SetKind(journal.KindALLOCATE).SetTransactionNo(fmt.Sprintf("T-probe-%d", fresh.Add(1))).
			SetAmount(money.FromFen(1)).SetPartnerID(fx.id["A"]).SetCustomerID(fx.id["a1"]).Save(ctx)
	}
	newEntry := func(ctx context.Context, c *ent.Client, fx *fixture) (*ent.LedgerEntry, error) {
		return c.LedgerEntry.Create().SetJournalID(fx.id["jA1"]).SetAccountID(fx.id["allocA1"]).
			SetAmount(money.FromFen(1)).SetBalanceAfter(money.FromFen(1)).Save(ctx)
	}
	// Every write goes through internal/ledger with viewer.SystemContext: nobody writes here.
	writes := everyRole("")
	return []entityRules{
		{
			entity: "Account",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.Account.Query().IDs(ctx) },
			reads: map[string]string{
				platform: "ext cashA cashB cashD cashR cashR2 allocA1 allocA2 allocB1 allocR1 ownFree " +
					"balQA balQR balCpA1 balCpA2 balCpB1",
				admin:        "cashA allocA1 allocA2 balQA balCpA1 balCpA2",
				supervisor:   "allocA1 balQA balCpA1", // its customers' and quotas, not the partner's cash
				manager:      "allocA1 balQA balCpA1",
				distributor:  "cashD cashR cashR2 allocR1 balQR", // its resellers' too
				reseller:     "cashR allocR1 balQR",
				customerUser: "allocA1 balCpA1", // its coupon's balance, not the quota's
				keyRead:      "cashA allocA1 allocA2 balQA balCpA1 balCpA2",
				keyReadWrite: "cashA allocA1 allocA2 balQA balCpA1 balCpA2",
			},
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newAccount(ctx, c, fx)
					return err
				}},
				{"update:allocA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.Account.UpdateOneID(fx.id["allocA1"]).SetBalance(money.FromFen(999999)).Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					a, err := newAccount(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.Account.DeleteOneID(a.ID).Exec(ctx)
				}},
			},
			writes: writes,
		},
		{
			entity: "Journal",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.Journal.Query().IDs(ctx) },
			reads: map[string]string{
				platform:     "jRecA jA1 jA2 jB1 jDR jR1",
				admin:        "jRecA jA1 jA2",
				supervisor:   "jA1",
				manager:      "jA1",
				distributor:  "jDR jR1",
				reseller:     "jDR jR1", // jDR as the counterparty
				customerUser: "jA1",
				keyRead:      "jRecA jA1 jA2",
				keyReadWrite: "jRecA jA1 jA2",
			},
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newJournal(ctx, c, fx)
					return err
				}},
				{"update:jA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.Journal.UpdateOneID(fx.id["jA1"]).Exec(ctx) // every field is immutable
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					j, err := newJournal(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.Journal.DeleteOneID(j.ID).Exec(ctx)
				}},
			},
			writes: writes,
		},
		{
			entity: "LedgerEntry",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.LedgerEntry.Query().IDs(ctx) },
			reads: map[string]string{
				platform: "jRecA/ext jRecA/cashA jA1/cashA jA1/allocA1 jA2/cashA jA2/allocA2 jB1/cashB jB1/allocB1 " +
					"jDR/cashD jDR/cashR jR1/cashR jR1/allocR1",
				admin:        "jRecA/cashA jA1/cashA jA1/allocA1 jA2/cashA jA2/allocA2",
				supervisor:   "jA1/allocA1",
				manager:      "jA1/allocA1",
				distributor:  "jDR/cashD jDR/cashR jR1/cashR jR1/allocR1",
				reseller:     "jDR/cashR jR1/cashR jR1/allocR1", // the entries on its own accounts
				customerUser: "jA1/allocA1",
				keyRead:      "jRecA/cashA jA1/cashA jA1/allocA1 jA2/cashA jA2/allocA2",
				keyReadWrite: "jRecA/cashA jA1/cashA jA1/allocA1 jA2/cashA jA2/allocA2",
			},
			probes: []probe{
				{"create", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					_, err := newEntry(ctx, c, fx)
					return err
				}},
				{"update:jA1/allocA1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					return c.LedgerEntry.UpdateOneID(fx.id["jA1/allocA1"]).Exec(ctx)
				}},
				{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
					e, err := newEntry(sys(ctx), c, fx)
					if err != nil {
						return err
					}
					return c.LedgerEntry.DeleteOneID(e.ID).Exec(ctx)
				}},
			},
			writes: writes,
		},
	}
}
