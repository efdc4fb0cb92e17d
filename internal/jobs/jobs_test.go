package jobs_test

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/demo"
	"github.com/partnercenter/partnercenter/internal/jobs"
	"github.com/partnercenter/partnercenter/internal/testdb"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

func quietLog() *slog.Logger {
	lvl := slog.LevelWarn
	if os.Getenv("JOBS_DEBUG") != "" {
		lvl = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))
}

// expiredCoupon loads the demo world and makes one of its usable coupons due for expiry.
func expiredCoupon(t *testing.T, d *db.DB) *ent.Coupon {
	t.Helper()
	ctx := viewer.SystemContext(context.Background())
	if _, err := demo.LoadIfEmpty(ctx, d.Client); err != nil {
		t.Fatal(err)
	}
	cp, err := d.Client.Coupon.Query().Where(coupon.StatusEQ(coupon.StatusUSABLE)).First(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return d.Client.Coupon.UpdateOne(cp).SetValidUntil(time.Now().Add(-time.Minute)).SaveX(ctx)
}

func checkExpired(t *testing.T, d *db.DB, cp *ent.Coupon) {
	t.Helper()
	ctx := viewer.SystemContext(context.Background())
	if got := d.Client.Coupon.GetX(ctx, cp.ID); got.Status != coupon.StatusEXPIRED {
		t.Errorf("the coupon after the job: %s", got.Status)
	}
	if n := d.Client.CouponRecord.Query().Where(couponrecord.CouponID(cp.ID), couponrecord.TypeEQ(couponrecord.TypeRECLAIMED_ON_EXPIRY)).CountX(ctx); n != 1 {
		t.Errorf("expiry records: %d, want 1", n)
	}
}

func waitCompleted(t *testing.T, events <-chan *river.Event, kind string, within time.Duration) *rivertype.JobRow {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case ev := <-events:
			if ev.Job.Kind == kind {
				if ev.Kind != river.EventKindJobCompleted {
					t.Fatalf("job %d: %s, errors %+v", ev.Job.ID, ev.Kind, ev.Job.Errors)
				}
				return ev.Job
			}
		case <-deadline:
			t.Fatalf("no %s job completed within %s", kind, within)
		}
	}
}

// TestPeriodicCouponExpiry: on each engine, River's migrations run beside ours, the periodic
// coupon expiry is inserted when the client starts (RunOnStart), an instance works it, the due
// coupon expires, and the operator listing shows the job completed on its first attempt.
func TestPeriodicCouponExpiry(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		d := testdb.Open(t, engine, db.Options{})
		cp := expiredCoupon(t, d)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c, err := jobs.Start(ctx, d, jobs.Options{Logger: quietLog(), ID: "test-1", PollInterval: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		events, unsub := c.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
		defer unsub()
		defer c.Stop(context.Background())

		job := waitCompleted(t, events, "expire_coupons", 30*time.Second)
		checkExpired(t, d, cp)

		list, err := jobs.List(ctx, c, nil, "", 10)
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, j := range list {
			t.Logf("job %d %s %s attempt %d/%d by %v errors %d", j.ID, j.Kind, j.State, j.Attempt, j.MaxAttempts, j.AttemptedBy, len(j.Errors))
			if j.ID == job.ID {
				found = true
				if j.State != rivertype.JobStateCompleted || j.Attempt != 1 || j.FinalizedAt == nil {
					t.Errorf("the job in the listing: %+v", j)
				}
			}
		}
		if !found {
			t.Errorf("job %d not in the listing", job.ID)
		}
		// A second insert in the same minute is the same job (unique by period).
		res, err := c.Insert(ctx, jobs.ExpireCouponsArgs{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !res.UniqueSkippedAsDuplicate || res.Job.ID != job.ID {
			t.Errorf("a second insert within the minute: skipped=%v id=%d, want the job %d", res.UniqueSkippedAsDuplicate, res.Job.ID, job.ID)
		}
	})
}

// TestTransactionalEnqueue: a job inserted in a transaction that rolls back never exists; one
// inserted in a committed transaction (with the business rows) runs.
func TestTransactionalEnqueue(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		d := testdb.Open(t, engine, db.Options{})
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c, err := jobs.Start(ctx, d, jobs.Options{Logger: quietLog(), ID: "test-tx", NoPeriodic: true, PollInterval: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		events, unsub := c.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
		defer unsub()
		defer c.Stop(context.Background())

		var rolledBack int64
		err = jobs.InTx(ctx, d, func(tx *sql.Tx, _ *ent.Client) error {
			res, err := c.InsertTx(ctx, tx, jobs.ExpireCouponsArgs{}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{}})
			if err != nil {
				return err
			}
			rolledBack = res.Job.ID
			return context.Canceled // roll back
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("the rolled-back insert: %v", err)
		}
		if _, err := c.JobGet(ctx, rolledBack); !errors.Is(err, rivertype.ErrNotFound) {
			t.Fatalf("the rolled-back job: %v", err)
		}
		var id int64
		if err := jobs.InTx(ctx, d, func(tx *sql.Tx, _ *ent.Client) error {
			res, err := c.InsertTx(ctx, tx, jobs.ExpireCouponsArgs{}, nil)
			if err == nil {
				id = res.Job.ID
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if job := waitCompleted(t, events, "expire_coupons", 30*time.Second); job.ID != id {
			t.Fatalf("completed %d, inserted %d", job.ID, id)
		}
	})
}

// TestMigrateConcurrently: instances starting together all migrate River's tables without
// failing, and a second run changes nothing.
func TestMigrateConcurrently(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		d := testdb.Open(t, engine, db.Options{})
		ctx := context.Background()
		errs := make(chan error, 4)
		for range 4 {
			go func() { errs <- jobs.Migrate(ctx, d, jobs.NewDriver(d)) }()
		}
		for range 4 {
			if err := <-errs; err != nil {
				t.Error(err)
			}
		}
		if err := jobs.Migrate(ctx, d, jobs.NewDriver(d)); err != nil {
			t.Error(err)
		}
		var n int
		if err := d.SQL.QueryRowContext(ctx, "SELECT count(*) FROM river_migration").Scan(&n); err != nil || n == 0 {
			t.Errorf("river_migration: %d, %v", n, err)
		}
		t.Logf("river migrations applied: %d", n)
	})
}
