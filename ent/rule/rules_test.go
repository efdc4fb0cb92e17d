package rule_test

import (
	"context"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/privacy"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/testdb"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// The roles every entity's table covers, with viewers built the way the server builds them.
const (
	platform     = "platform"     // the platform operator
	admin        = "admin"        // Partner A's admin (a solution provider)
	supervisor   = "supervisor"   // Partner A's supervisor, over manager mgrA
	manager      = "manager"      // Partner A's customer manager mgrA
	distributor  = "distributor"  // Distributor D's admin, acting for its resellers R and R2
	reseller     = "reseller"     // Cloud reseller R's admin (R is D's)
	customerUser = "customer"     // the user of customer a1 (Partner A's)
	keyRead      = "keyRead"      // an API key of Partner A with the READ scope
	keyReadWrite = "keyReadWrite" // an API key of Partner A with the READ_WRITE scope
)

var roles = []string{platform, admin, supervisor, manager, distributor, reseller, customerUser, keyRead, keyReadWrite}

// denied is what a table expects when the query itself is refused rather than narrowed.
const denied = "DENIED"

// entityRules is the table of one entity: the rows each role reads (fixture names, any order,
// or denied) and which of the entity's writes each role may make.
type entityRules struct {
	entity string // the ent type, as ent.Client names it
	read   func(ctx context.Context, c *ent.Client) ([]gid.ID, error)
	reads  map[string]string // role -> the rows it reads
	probes []probe
	writes map[string]string // role -> the probes it may make (the others are refused)
}

// probe is one write, run in a transaction that is rolled back. It returns nil when the write
// went through; a privacy denial, a not-found (an update narrowed to nothing) or errNothing
// when it was refused. Anything else fails the test: the probe itself is wrong.
type probe struct {
	name string
	do   func(ctx context.Context, c *ent.Client, fx *fixture) error
}

// errNothing is a bulk write that the rules narrowed to no row.
var errNothing = errors.New("no row written")

// affected turns a bulk write's count into a probe's answer.
func affected(n int, err error) error {
	if err == nil && n == 0 {
		return errNothing
	}
	return err
}

// allRules are the tables of every entity, each beside the rules file it tests.
func allRules() []entityRules {
	var all []entityRules
	for _, group := range [][]entityRules{
		partnerRules(), userRules(), customerRules(), auditRules(), apiKeyRules(),
		resellerRules(), ledgerRules(), couponRules(), systemRules(), catalogueRules(),
	} {
		all = append(all, group...)
	}
	return all
}

// TestRules holds every role to every entity's table, on PostgreSQL and SQLite.
func TestRules(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d *db.DB) {
		fx := newFixture(t, d.Client)
		for _, e := range allRules() {
			t.Run(e.entity, func(t *testing.T) { e.check(t, fx) })
		}
	})
}

// TestEveryEntityHasATable fails when an entity is added without a table of its rules.
func TestEveryEntityHasATable(t *testing.T) {
	covered := map[string]bool{}
	for _, e := range allRules() {
		covered[e.entity] = true
		for _, role := range roles {
			if _, ok := e.reads[role]; !ok {
				t.Errorf("%s: the table does not say what %s reads", e.entity, role)
			}
			if _, ok := e.writes[role]; !ok {
				t.Errorf("%s: the table does not say what %s may write", e.entity, role)
			}
		}
		if len(e.probes) == 0 {
			t.Errorf("%s: no writes are probed", e.entity)
		}
	}
	ct := reflect.TypeOf(ent.Client{})
	for i := 0; i < ct.NumField(); i++ {
		f := ct.Field(i)
		name, ok := strings.CutSuffix(f.Type.String(), "Client")
		if !ok || f.Type.Kind() != reflect.Pointer {
			continue
		}
		if name = strings.TrimPrefix(name, "*ent."); !covered[name] {
			t.Errorf("entity %s has no table of rules in ent/rule", name)
		}
	}
}

func (e entityRules) check(t *testing.T, fx *fixture) {
	for _, role := range roles {
		ctx := viewer.NewContext(context.Background(), fx.viewers[role])
		ids, err := e.read(ctx, fx.client)
		var got string
		switch {
		case errors.Is(err, privacy.Deny):
			got = denied
		case err != nil:
			t.Fatalf("%s reading %s: %v", role, e.entity, err)
		default:
			got = fx.names(ids)
		}
		if want := sorted(e.reads[role]); got != want {
			t.Errorf("%s reads %s: %q, want %q", role, e.entity, got, want)
		}
	}
	for _, role := range roles {
		var allowed []string
		for _, p := range e.probes {
			if fx.try(t, role, p) {
				allowed = append(allowed, p.name)
			}
		}
		if got, want := sorted(strings.Join(allowed, " ")), sorted(e.writes[role]); got != want {
			t.Errorf("%s writes %s: allowed %q, want %q", role, e.entity, got, want)
		}
	}
}

// try runs p as role in a transaction it rolls back, and reports whether the write went through.
func (fx *fixture) try(t *testing.T, role string, p probe) bool {
	t.Helper()
	ctx := viewer.NewContext(context.Background(), fx.viewers[role])
	tx, err := fx.client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = tx.Rollback() }()
	err = p.do(ctx, tx.Client(), fx)
	switch {
	case err == nil:
		return true
	case errors.Is(err, privacy.Deny), ent.IsNotFound(err), errors.Is(err, errNothing):
		return false
	}
	t.Errorf("%s probing %s: %v (a probe is allowed or refused, it must not fail otherwise)", role, p.name, err)
	return false
}

// sorted is a space-separated list in a canonical order.
func sorted(list string) string {
	f := strings.Fields(list)
	sort.Strings(f)
	return strings.Join(f, " ")
}

// sys bypasses privacy, as the fixture and probes' set-up do.
func sys(ctx context.Context) context.Context { return viewer.SystemContext(ctx) }

// self is the user ID of the probe's viewer.
func self(ctx context.Context) gid.ID { return viewer.FromContext(ctx).UserID }
