package ledger

import (
	"encoding/json"
	"testing"

	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/internal/gid"
)

// TestOneJournalResponse: the outcome transferOnce stores is what json.Marshal would store (a
// replay reads either).
func TestOneJournalResponse(t *testing.T) {
	id := journal.DefaultID()
	want, err := json.Marshal(&Outcome{JournalIDs: []gid.ID{id}})
	if err != nil {
		t.Fatal(err)
	}
	if got := oneJournalResponse(id); got != string(want) {
		t.Fatalf("%s, want %s", got, want)
	}
}
