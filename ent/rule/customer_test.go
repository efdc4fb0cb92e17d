package rule_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/associationevent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/predicate"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/testdb"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// fresh numbers the unique fields of rows the probes create.
var fresh atomic.Int64

// customerReads is what each role reads of customers, also when the caller locks the rows (the
// ledger reads the customer of a money operation FOR SHARE, through the same rule).
var customerReads = map[string]string{
	platform:     "a1 a2 a3 a4 free b1 d1 r1 r21",
	admin:        "a1 a2 a3 a4",
	supervisor:   "a1 a4", // its manager's and its own
	manager:      "a1",
	distributor:  "d1 r1 r21", // its resellers' too
	reseller:     "r1",
	customerUser: "a1",
	keyRead:      "a1 a2 a3 a4",
	keyReadWrite: "a1 a2 a3 a4",
}

// recordProbes are the writes of a customer or a record of one: creating one for a1 under
// Partner A and one for r1 under reseller R, updating each of the named rows, and deleting a
// fresh row of a1's under A.
func recordProbes(create func(ctx context.Context, c *ent.Client, customerID, partnerID gid.ID) (gid.ID, error),
	update, remove func(ctx context.Context, c *ent.Client, id gid.ID) error, rows ...string) []probe {
	probes := []probe{
		{"create@A", func(ctx context.Context, c *ent.Client, fx *fixture) error {
			_, err := create(ctx, c, fx.id["a1"], fx.id["A"])
			return err
		}},
		{"create@R", func(ctx context.Context, c *ent.Client, fx *fixture) error {
			_, err := create(ctx, c, fx.id["r1"], fx.id["R"])
			return err
		}},
	}
	for _, row := range rows {
		probes = append(probes, probe{"update:" + row, func(ctx context.Context, c *ent.Client, fx *fixture) error {
			return update(ctx, c, fx.id[row])
		}})
	}
	return append(probes, probe{"delete", func(ctx context.Context, c *ent.Client, fx *fixture) error {
		id, err := create(sys(ctx), c, fx.id["a1"], fx.id["A"])
		if err != nil {
			return err
		}
		return remove(ctx, c, id)
	}})
}

func customerRules() []entityRules {
	newCustomer := func(ctx context.Context, c *ent.Client, _, partnerID gid.ID) (gid.ID, error) {
		n := fmt.Sprintf("%010d", fresh.Add(1))
		cu, err := c.Customer.Create().SetAccountName("new" + n).SetName("New").SetMobile("0086-1" + n).
			SetEmail("new" + n + "@example.com").SetPartnerID(partnerID).Save(ctx)
		if err != nil {
			return "", err
		}
		return cu.ID, nil
	}
	return []entityRules{
		{
			entity: "Customer",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.Customer.Query().IDs(ctx) },
			reads:  customerReads,
			probes: recordProbes(newCustomer, func(ctx context.Context, c *ent.Client, id gid.ID) error {
				return c.Customer.UpdateOneID(id).SetLabel("changed").Exec(ctx)
			}, func(ctx context.Context, c *ent.Client, id gid.ID) error {
				return c.Customer.DeleteOneID(id).Exec(ctx)
			}, "a1", "a2", "r1"),
			writes: map[string]string{
				platform:     "create@A create@R update:a1 update:a2 update:r1 delete",
				admin:        "create@A update:a1 update:a2",
				supervisor:   "create@A update:a1",
				manager:      "create@A update:a1",
				distributor:  "create@R update:r1", // acting for its reseller
				reseller:     "create@R update:r1",
				customerUser: "update:a1", // its own row (deciding its disassociation changes it)
				keyRead:      "",
				keyReadWrite: "create@A update:a1 update:a2",
			},
		},
		{
			entity: "Customer FOR SHARE",
			read: func(ctx context.Context, c *ent.Client) ([]gid.ID, error) {
				tx, err := c.Tx(ctx)
				if err != nil {
					return nil, err
				}
				defer func() { _ = tx.Rollback() }()
				return tx.Customer.Query().Where(predicate.Customer(dbx.ForShare)).IDs(ctx)
			},
			reads: customerReads,
			probes: []probe{{"lock:a1", func(ctx context.Context, c *ent.Client, fx *fixture) error {
				_, err := c.Customer.Query().Where(customer.ID(fx.id["a1"]), predicate.Customer(dbx.ForUpdate)).
					Select(customer.FieldPartnerID, customer.FieldAssociationType).Only(ctx)
				return err
			}}},
			writes: map[string]string{ // who may lock a1 for a change: whoever reads it
				platform: "lock:a1", admin: "lock:a1", supervisor: "lock:a1", manager: "lock:a1", distributor: "",
				reseller: "", customerUser: "lock:a1", keyRead: "lock:a1", keyReadWrite: "lock:a1",
			},
		},
		{
			entity: "Association",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.Association.Query().IDs(ctx) },
			reads: map[string]string{
				platform:     "asA1 asA2 asA3 asA4 asFree asB1 asD1 asR1 asR21",
				admin:        "asA1 asA2 asA3 asA4 asFree", // also of a customer that has left
				supervisor:   "asA1 asA4",
				manager:      "asA1",
				distributor:  "asD1 asR1 asR21",
				reseller:     "asR1",
				customerUser: "asA1",
				keyRead:      "asA1 asA2 asA3 asA4 asFree",
				keyReadWrite: "asA1 asA2 asA3 asA4 asFree",
			},
			probes: recordProbes(func(ctx context.Context, c *ent.Client, customerID, partnerID gid.ID) (gid.ID, error) {
				a, err := c.Association.Create().SetCustomerID(customerID).SetPartnerID(partnerID).SetType(association.TypeADVISORY).Save(ctx)
				if err != nil {
					return "", err
				}
				return a.ID, nil
			}, func(ctx context.Context, c *ent.Client, id gid.ID) error {
				return c.Association.UpdateOneID(id).SetStatus(association.StatusENDED).Exec(ctx)
			}, func(ctx context.Context, c *ent.Client, id gid.ID) error {
				return c.Association.DeleteOneID(id).Exec(ctx)
			}, "asA1", "asA2", "asR1"),
			writes: recordWrites("asA1", "asA2", "asR1"),
		},
		{
			entity: "AssociationEvent",
			read:   func(ctx context.Context, c *ent.Client) ([]gid.ID, error) { return c.AssociationEvent.Query().IDs(ctx) },
			reads: map[string]string{
				platform:     "evA1 evA2 evFree evB1 evR1 evOldA1",
				admin:        "evA1 evA2 evFree", // the history of a customer that left stays readable
				supervisor:   "evA1",
				manager:      "evA1",
				distributor:  "evR1",
				reseller:     "evR1",
				customerUser: "evA1 evOldA1", // its history with every partner
				keyRead:      "evA1 evA2 evFree",
				keyReadWrite: "evA1 evA2 evFree",
			},
			probes: recordProbes(func(ctx context.Context, c *ent.Client, customerID, partnerID gid.ID) (gid.ID, error) {
				e, err := c.AssociationEvent.Create().SetCustomerID(customerID).SetPartnerID(partnerID).
					SetKind(associationevent.KindDISASSOCIATION_REQUESTED).SetInitiator(associationevent.InitiatorCUSTOMER).
					SetStatus(associationevent.StatusPENDING).Save(ctx)
				if err != nil {
					return "", err
				}
				return e.ID, nil
			}, func(ctx context.Context, c *ent.Client, id gid.ID) error {
				return c.AssociationEvent.UpdateOneID(id).SetStatus(associationevent.StatusAPPROVED).Exec(ctx)
			}, func(ctx context.Context, c *ent.Client, id gid.ID) error {
				return c.AssociationEvent.DeleteOneID(id).Exec(ctx)
			}, "evA1", "evA2", "evR1", "evOldA1"),
			writes: func() map[string]string {
				w := recordWrites("evA1", "evA2", "evR1")
				w[platform] += " update:evOldA1"
				w[customerUser] += " update:evOldA1" // a1's own, though with its earlier partner
				return w
			}(),
		},
		{
			entity: "ManagerAssignment",
			read: func(ctx context.Context, c *ent.Client) ([]gid.ID, error) {
				return c.ManagerAssignment.Query().IDs(ctx)
			},
			reads: map[string]string{
				platform:     "maA1 maA2 maB1 maR1",
				admin:        "maA1 maA2",
				supervisor:   "maA1",
				manager:      "maA1",
				distributor:  "maR1",
				reseller:     "maR1",
				customerUser: "maA1",
				keyRead:      "maA1 maA2",
				keyReadWrite: "maA1 maA2",
			},
			probes: recordProbes(func(ctx context.Context, c *ent.Client, customerID, partnerID gid.ID) (gid.ID, error) {
				m, err := c.ManagerAssignment.Create().SetCustomerID(customerID).SetPartnerID(partnerID).Save(ctx)
				if err != nil {
					return "", err
				}
				return m.ID, nil
			}, func(ctx context.Context, c *ent.Client, id gid.ID) error {
				return c.ManagerAssignment.UpdateOneID(id).SetEndedAt(time.Now()).Exec(ctx)
			}, func(ctx context.Context, c *ent.Client, id gid.ID) error {
				return c.ManagerAssignment.DeleteOneID(id).Exec(ctx)
			}, "maA1", "maA2", "maR1"),
			writes: recordWrites("maA1", "maA2", "maR1"),
		},
	}
}

// recordWrites is who may write the records of a customer, given the rows of a1 (Partner A,
// mgrA's), a2 (Partner A, mgrA2's) and r1 (reseller R) that recordProbes updates: the same as
// who may write the customer itself, plus the customer's user creating one of its own.
func recordWrites(a1, a2, r1 string) map[string]string {
	return map[string]string{
		platform:     "create@A create@R update:" + a1 + " update:" + a2 + " update:" + r1 + " delete",
		admin:        "create@A update:" + a1 + " update:" + a2,
		supervisor:   "create@A update:" + a1,
		manager:      "create@A update:" + a1,
		distributor:  "create@R update:" + r1,
		reseller:     "create@R update:" + r1,
		customerUser: "create@A update:" + a1, // create@A is about a1, its own customer
		keyRead:      "",
		keyReadWrite: "create@A update:" + a1 + " update:" + a2,
	}
}

// TestCustomerRuleUnderLock: the ledger reads the customer of a money operation through the
// Customer rule with a lock of its own (predicate.Customer(dbx.ForShare)). The lock and the
// rule's condition must end up in one statement, so the row locked is one the viewer may adjust.
func TestCustomerRuleUnderLock(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		var sql testdb.Counter
		fx := newFixture(t, testdb.Open(t, engine, db.Options{Driver: sql.Wrap}).Client)
		for role, want := range map[string]bool{admin: true, distributor: false, manager: true, supervisor: true} {
			ctx := viewer.NewContext(context.Background(), fx.viewers[role])
			tx, err := fx.client.Tx(ctx)
			if err != nil {
				t.Fatal(err)
			}
			sql.Reset()
			_, err = tx.Customer.Query().Where(customer.ID(fx.id["a1"]), predicate.Customer(dbx.ForShare)).
				Select(customer.FieldPartnerID, customer.FieldAssociationType).Only(ctx)
			_ = tx.Rollback()
			if found := err == nil; found != want || (err != nil && !ent.IsNotFound(err)) {
				t.Fatalf("%s locking a1: found %v, want %v (%v)", role, found, want, err)
			}
			stmts := sql.Statements()
			if len(stmts) != 1 {
				t.Fatalf("%s: %d statements, want the one: %q", role, len(stmts), stmts)
			}
			if q := strings.ReplaceAll(stmts[0], "`", `"`); !strings.Contains(q, `"customers"."partner_id" IN`) ||
				(engine == dialect.Postgres && !strings.HasSuffix(q, "FOR SHARE")) {
				t.Errorf("%s: the rule and the lock are not one statement: %s", role, q)
			}
		}
	})
}
