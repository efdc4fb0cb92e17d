package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/ent/idempotencyrecord"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/testdb"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// TestExpiredKeysAreForgotten: the sweep deletes the idempotency records past their time and
// keeps the others, on each engine.
func TestExpiredKeysAreForgotten(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d *db.DB) {
		ctx := viewer.SystemContext(context.Background())
		now := ledger.Now()
		for key, expires := range map[string]time.Time{"old": now.Add(-time.Minute), "live": now.Add(time.Hour)} {
			if err := d.Client.IdempotencyRecord.Create().SetScope("partner:x").SetKey(key).SetOperation("allocate").
				SetRequestHash("h").SetCreatedAt(now.Add(-ledger.KeyTTL)).SetExpiresAt(expires).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
		ledger.ForgetExpiredKeys(&ledger.Ledger{Client: d.Client}, context.Background())
		keys, err := d.Client.IdempotencyRecord.Query().Select(idempotencyrecord.FieldKey).Strings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != 1 || keys[0] != "live" {
			t.Fatalf("keys left: %v, want [live]", keys)
		}
	})
}
