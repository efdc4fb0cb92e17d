package jobs_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/jobs"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// effectArgs is a test job with one visible effect: a row in job_effects.
type effectArgs struct{ Key string }

func (effectArgs) Kind() string { return "test_effect" }

type effectWorker struct {
	river.WorkerDefaults[effectArgs]
	d      *db.DB
	hangIn string // when set (the doomed instance), write this file after the effect and hang
}

func (w *effectWorker) Work(ctx context.Context, job *river.Job[effectArgs]) error {
	return jobs.InTx(ctx, w.d, func(tx *sql.Tx, _ *ent.Client) error {
		if _, err := tx.ExecContext(ctx, "INSERT INTO job_effects (k) VALUES ('"+job.Args.Key+"')"); err != nil {
			return err
		}
		if w.hangIn != "" {
			if err := os.WriteFile(w.hangIn, []byte("working"), 0o600); err != nil {
				return err
			}
			select {} // the effect is written, not committed: SIGKILL comes here
		}
		_, err := river.JobCompleteTx[jobs.Driver](ctx, tx, job)
		return err
	})
}

// TestHelperDoomedInstance is the instance the kill test starts as a child process and kills.
func TestHelperDoomedInstance(t *testing.T) {
	if os.Getenv("JOBS_DOOMED") == "" {
		t.Skip("a helper process of TestSIGKILLRetriedOnce")
	}
	ctx := context.Background()
	d, err := db.Open(ctx, os.Getenv("JOBS_URL"), db.Options{DataDir: os.Getenv("JOBS_DIR")})
	if err != nil {
		t.Fatal(err)
	}
	w := &effectWorker{d: d, hangIn: os.Getenv("JOBS_DOOMED")}
	_, err = jobs.Start(ctx, d, jobs.Options{Logger: quietLog(), ID: "doomed", NoPeriodic: true, PollInterval: 100 * time.Millisecond,
		Register: func(ws *river.Workers) error { return river.AddWorkerSafely(ws, w) }})
	if err != nil {
		t.Fatal(err)
	}
	select {}
}

// TestSIGKILLRetriedOnce: an instance (a child process) takes a job, writes its effect in the
// job's transaction and is killed with SIGKILL before committing. Two other instances carry on:
// the leader's rescuer makes the job retryable, one of them works it, and the effect is there
// once, the job completed on attempt 2 with the rescue in its errors.
func TestSIGKILLRetriedOnce(t *testing.T) {
	if os.Getenv("JOBS_DOOMED") != "" {
		t.Skip()
	}
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		rawURL, dir := sharedDatabase(t, engine)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		d, err := db.Open(ctx, rawURL, db.Options{DataDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if _, err := d.SQL.ExecContext(ctx, "CREATE TABLE job_effects (k TEXT NOT NULL)"); err != nil {
			t.Fatal(err)
		}
		drv := jobs.NewDriver(d)
		if err := jobs.Migrate(ctx, d, drv); err != nil {
			t.Fatal(err)
		}
		inserter, err := jobs.New(d, drv, jobs.Options{NoPeriodic: true, Logger: quietLog(),
			Register: func(ws *river.Workers) error { return river.AddWorkerSafely(ws, &effectWorker{d: d}) }})
		if err != nil {
			t.Fatal(err)
		}
		res, err := inserter.Insert(ctx, effectArgs{Key: "k1"}, nil)
		if err != nil {
			t.Fatal(err)
		}

		marker := filepath.Join(t.TempDir(), "working")
		child := exec.Command(os.Args[0], "-test.run=^TestHelperDoomedInstance$", "-test.v")
		child.Env = append(os.Environ(), "JOBS_DOOMED="+marker, "JOBS_URL="+rawURL, "JOBS_DIR="+dir)
		child.Stdout, child.Stderr = os.Stderr, os.Stderr
		if err := child.Start(); err != nil {
			t.Fatal(err)
		}
		for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
			if _, err := os.Stat(marker); err == nil {
				break
			}
			if time.Since(start) > time.Minute {
				child.Process.Kill()
				t.Fatal("the doomed instance never took the job")
			}
		}
		if err := child.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		_ = child.Wait()
		killedAt := time.Now()

		// Two surviving instances; the rescue (leader only, every 30 s in River) needs the
		// job to have been running for RescueAfter.
		for i := range 2 {
			w := &effectWorker{d: d}
			c, err := jobs.Start(ctx, d, jobs.Options{Logger: quietLog(), ID: fmt.Sprintf("survivor-%d", i), NoPeriodic: true,
				PollInterval: 100 * time.Millisecond, RescueAfter: 2 * time.Second, JobTimeout: time.Second,
				Register: func(ws *river.Workers) error { return river.AddWorkerSafely(ws, w) }})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Stop(context.Background())
		}
		for {
			job, err := inserter.JobGet(ctx, res.Job.ID)
			if err != nil {
				t.Fatal(err)
			}
			if job.State == rivertype.JobStateCompleted {
				t.Logf("completed %s after the kill: attempt %d, by %v, errors %+v", time.Since(killedAt).Round(time.Second), job.Attempt, job.AttemptedBy, job.Errors)
				if job.Attempt != 2 || len(job.Errors) != 1 {
					t.Errorf("attempt %d, errors %d: want 2 and 1", job.Attempt, len(job.Errors))
				}
				break
			}
			if time.Since(killedAt) > 90*time.Second {
				t.Fatalf("not completed 90 s after the kill: %s attempt %d", job.State, job.Attempt)
			}
			time.Sleep(200 * time.Millisecond)
		}
		var n int
		if err := d.SQL.QueryRowContext(ctx, "SELECT count(*) FROM job_effects").Scan(&n); err != nil || n != 1 {
			t.Fatalf("effects: %d, %v; want 1", n, err)
		}
		var leaders int
		if err := d.SQL.QueryRowContext(ctx, "SELECT count(*) FROM river_leader").Scan(&leaders); err != nil || leaders != 1 {
			t.Errorf("leaders: %d, %v", leaders, err)
		}
	})
}

// sharedDatabase is a database two processes can open: a fresh PostgreSQL database (dropped at
// the end) or a SQLite directory.
func sharedDatabase(t *testing.T, engine string) (rawURL, dir string) {
	if engine == dialect.SQLite {
		return "", t.TempDir()
	}
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		t.Skip("TEST_DATABASE_URL is not set")
	}
	adb, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("pc_jobs_%d_%d", os.Getpid(), rand.Uint32()%100000)
	if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = adb.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		adb.Close()
	})
	u, _ := url.Parse(admin)
	u.Path = "/" + name
	return u.String(), ""
}
