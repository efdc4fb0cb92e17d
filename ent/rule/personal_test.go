package rule_test

import (
	"testing"

	"github.com/partnercenter/partnercenter/ent/rule"
)

func TestPersonalFieldSearch(t *testing.T) {
	// role -> may search by part of a name, may match a mobile or email exactly
	want := map[string][2]bool{
		platform:     {true, true},
		admin:        {true, true},
		supervisor:   {false, true}, // sees customers but may not reveal them
		manager:      {true, true},
		distributor:  {true, true},
		reseller:     {true, true},
		customerUser: {false, true}, // matches only within its own customer
		keyRead:      {false, true}, // a key never searches by part
		keyReadWrite: {false, true},
	}
	for _, role := range roles {
		v := handViewers[role]
		if got := [2]bool{rule.MaySearchPersonalFields(v), rule.MayMatchPersonalFields(v)}; got != want[role] {
			t.Errorf("%s: search by part, exact match = %v, want %v", role, got, want[role])
		}
	}
	if rule.MaySearchPersonalFields(nil) || rule.MayMatchPersonalFields(nil) {
		t.Error("no viewer may search")
	}
}
