package rule_test

import (
	"testing"

	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// TestMaySeeJobs is who sees the background jobs: the platform only.
func TestMaySeeJobs(t *testing.T) {
	want := map[string]bool{platform: true}
	for _, role := range roles {
		if got := rule.MaySeeJobs(handViewers[role]); got != want[role] {
			t.Errorf("%s: %v, want %v", role, got, want[role])
		}
	}
	if rule.MaySeeJobs(nil) {
		t.Error("no viewer sees the jobs")
	}
	// Keys are a partner's today; a platform key (hypothetical) would read as the platform.
	if !rule.MaySeeJobs(&viewer.Viewer{UserID: uPlat, Role: viewer.RolePlatform, APIKeyID: gid.ID("key_plat"), ReadOnly: true}) {
		t.Error("a READ key of the platform: want true")
	}
}
