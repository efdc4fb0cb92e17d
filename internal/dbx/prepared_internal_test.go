package dbx

import (
	"testing"
	"time"
)

// TestPreparationsLiveLongerAsTheyAge: a statement's first preparation on a connection lives
// FirstPlanTTL, each next one twice as long as the last, up to PlanTTL.
func TestPreparationsLiveLongerAsTheyAge(t *testing.T) {
	oldFirst, oldTTL := FirstPlanTTL, PlanTTL
	defer func() { FirstPlanTTL, PlanTTL = oldFirst, oldTTL }()
	FirstPlanTTL, PlanTTL = time.Second, 10*time.Second
	var got []time.Duration
	ttl := time.Duration(0)
	for range 6 {
		ttl = nextTTL(ttl)
		got = append(got, ttl)
	}
	want := []time.Duration{1, 2, 4, 8, 10, 10}
	for i := range want {
		if got[i] != want[i]*time.Second {
			t.Fatalf("lives %v, want %v seconds", got, want)
		}
	}
	PlanTTL = 0 // (tests set it to 0: every run prepares anew)
	if ttl := nextTTL(0); ttl != 0 {
		t.Fatalf("with PlanTTL 0 the first preparation lives %v", ttl)
	}
}
