package rule_test

import (
	"reflect"
	"testing"

	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Hand-made viewers of each role, for the rules that need no database.
var (
	pA, pD, pR, pR2 = gid.ID("ptr_A"), gid.ID("ptr_D"), gid.ID("ptr_R"), gid.ID("ptr_R2")
	uPlat, uAdmin   = gid.ID("usr_plat"), gid.ID("usr_adminA")
	uSup, uMgr      = gid.ID("usr_supA"), gid.ID("usr_mgrA")
	uDist, uRes     = gid.ID("usr_adminD"), gid.ID("usr_adminR")
	uCust, cA1      = gid.ID("usr_cuser"), gid.ID("cus_a1")
	kRead, kRW      = gid.ID("key_read"), gid.ID("key_rw")

	handViewers = map[string]*viewer.Viewer{
		platform:     {UserID: uPlat, Role: viewer.RolePlatform},
		admin:        {UserID: uAdmin, Role: viewer.RolePartnerAdmin, PartnerID: pA},
		supervisor:   {UserID: uSup, Role: viewer.RoleSupervisor, PartnerID: pA, ManagerIDs: []gid.ID{uMgr}},
		manager:      {UserID: uMgr, Role: viewer.RoleCustomerManager, PartnerID: pA},
		distributor:  {UserID: uDist, Role: viewer.RolePartnerAdmin, PartnerID: pD, ResellerIDs: []gid.ID{pR, pR2}},
		reseller:     {UserID: uRes, Role: viewer.RolePartnerAdmin, PartnerID: pR, DistributorID: pD},
		customerUser: {UserID: uCust, Role: viewer.RoleCustomer, CustomerID: cA1},
		keyRead:      {UserID: uAdmin, Role: viewer.RolePartnerAdmin, PartnerID: pA, APIKeyID: kRead, ReadOnly: true},
		keyReadWrite: {UserID: uAdmin, Role: viewer.RolePartnerAdmin, PartnerID: pA, APIKeyID: kRW},
	}
)

// TestScopeOf is the per-role description itself, as a table: what ScopeOf gives each role.
func TestScopeOf(t *testing.T) {
	ids := func(v ...gid.ID) []gid.ID { return v }
	want := map[string]rule.Scope{
		platform: {All: true, User: uPlat, Writes: true, LoggedIn: true},
		admin: {User: uAdmin, Partner: pA, Partners: ids(pA), Organisations: ids(pA),
			Admin: true, Writes: true, LoggedIn: true},
		supervisor: {User: uSup, Partner: pA, Partners: ids(pA), Managers: ids(uSup, uMgr), Organisations: ids(pA),
			Writes: true, LoggedIn: true},
		manager: {User: uMgr, Partner: pA, Partners: ids(pA), Managers: ids(uMgr), Organisations: ids(pA),
			Writes: true, LoggedIn: true},
		distributor: {User: uDist, Partner: pD, Partners: ids(pD, pR, pR2), Organisations: ids(pD, pR, pR2),
			Admin: true, Writes: true, LoggedIn: true},
		reseller: {User: uRes, Partner: pR, Partners: ids(pR), Organisations: ids(pR, pD),
			Admin: true, Writes: true, LoggedIn: true},
		customerUser: {User: uCust, Customer: cA1, Writes: true, LoggedIn: true},
		keyRead:      {User: uAdmin, Partner: pA, Partners: ids(pA), Organisations: ids(pA), Admin: true},
		keyReadWrite: {User: uAdmin, Partner: pA, Partners: ids(pA), Organisations: ids(pA), Admin: true, Writes: true},
	}
	for _, role := range roles {
		if got := rule.ScopeOf(handViewers[role]); !reflect.DeepEqual(got, want[role]) {
			t.Errorf("ScopeOf(%s) =\n %+v\nwant\n %+v", role, got, want[role])
		}
	}
	if got := rule.ScopeOf(nil); !reflect.DeepEqual(got, rule.Scope{}) {
		t.Errorf("ScopeOf(nil) = %+v, want nothing", got)
	}
	// A role without the partner or customer it needs sees only its own user row.
	orphan := &viewer.Viewer{UserID: uSup, Role: viewer.RoleSupervisor}
	if got := rule.ScopeOf(orphan); !reflect.DeepEqual(got, rule.Scope{User: uSup, Writes: true, LoggedIn: true}) {
		t.Errorf("ScopeOf(supervisor without a partner) = %+v", got)
	}
}
