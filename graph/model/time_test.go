package model

import (
	"bytes"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// TestMarshalTime: the same text as gqlgen's Time scalar, into a buffer or any writer.
func TestMarshalTime(t *testing.T) {
	for _, tm := range []time.Time{time.Date(2026, 11, 21, 8, 30, 0, 123456789, time.UTC), time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))} {
		var want, got bytes.Buffer
		graphql.MarshalTime(tm).MarshalGQL(&want)
		MarshalTime(tm).MarshalGQL(&got)
		var other struct{ bytes.Buffer } // not a *bytes.Buffer
		MarshalTime(tm).MarshalGQL(&other)
		if got.String() != want.String() || other.String() != want.String() {
			t.Errorf("%v: %s / %s, want %s", tm, got.String(), other.String(), want.String())
		}
	}
	if MarshalTime(time.Time{}) != graphql.Null {
		t.Error("the zero time is not null")
	}
}
