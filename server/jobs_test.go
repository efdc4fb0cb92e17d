package main

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/riverqueue/river"

	"github.com/partnercenter/partnercenter/internal/jobs"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

const backgroundJobsQ = `query($s:[BackgroundJobState!],$k:String,$n:Int){ backgroundJobs(states:$s, kind:$k, first:$n){
  id kind state queue attempt maxAttempts attemptedBy createdAt scheduledAt attemptedAt finalizedAt
  lastError { attempt at message } errorCount argsBytes } }`

// TestBackgroundJobs: on each engine, jobs inserted through River (an unstarted client: no
// worker runs in the test) are listed for the platform with their state, attempts and last
// error, filtered by state and kind; anyone else gets FORBIDDEN.
func TestBackgroundJobs(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		s := newTestServer(t, engine)
		ctx := context.Background()
		drv := jobs.NewDriver(s.DB)
		if err := jobs.Migrate(ctx, s.DB, drv); err != nil {
			t.Fatal(err)
		}
		c, err := jobs.New(s.DB, drv, jobs.Options{NoPeriodic: true, Logger: slog.New(slog.DiscardHandler), Register: func(w *river.Workers) error {
			return river.AddWorkerSafely(w, river.WorkFunc(func(context.Context, *river.Job[personalArgs]) error { return nil }))
		}})
		if err != nil {
			t.Fatal(err)
		}
		ins, err := c.Insert(ctx, jobs.ExpireCouponsArgs{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		// A second job, with personal data in its args, failed once: its newest error is the one
		// the listing shows, its args only as their size.
		failed, err := c.Insert(ctx, personalArgs{Phone: "13800138000"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		at := time.Now().UTC().Truncate(time.Second)
		if _, err := s.DB.SQL.ExecContext(ctx, `UPDATE river_job SET state = 'retryable', attempt = 1, attempted_by = `+attemptedBy(s.DB.Dialect)+`, errors = `+jobErrors(s.DB.Dialect, at)+` WHERE id = `+strconv.FormatInt(failed.Job.ID, 10)); err != nil {
			t.Fatal(err)
		}

		plat := s.login(t, "platform@example.com")
		r := s.post(t, plat, backgroundJobsQ, nil)
		list, _ := r.Data["backgroundJobs"].([]any)
		if len(r.Errors) > 0 || len(list) != 2 {
			t.Fatalf("platform: %s", r.Raw)
		}
		byID := map[string]map[string]any{}
		for _, j := range list {
			m := j.(map[string]any)
			byID[m["id"].(string)] = m
		}
		j := byID[strconv.FormatInt(ins.Job.ID, 10)]
		if j == nil || j["kind"] != "expire_coupons" || j["state"] != "AVAILABLE" || j["attempt"] != 0.0 || j["maxAttempts"] != 5.0 ||
			j["lastError"] != nil || j["errorCount"] != 0.0 || j["queue"] != "default" || j["finalizedAt"] != nil {
			t.Errorf("the available job: %v", j)
		}
		f := byID[strconv.FormatInt(failed.Job.ID, 10)]
		if f == nil || f["state"] != "RETRYABLE" || f["attempt"] != 1.0 || f["errorCount"] != 2.0 ||
			dig(f, "lastError", "message") != "second failure" || dig(f, "lastError", "attempt") != 1.0 || dig(f, "attemptedBy", 0) != "instance-a" {
			t.Errorf("the failed job: %v", f)
		}
		if n, _ := f["argsBytes"].(float64); n < float64(len(`{"phone":"13800138000"}`)) || strings.Contains(r.Raw, "13800138000") {
			t.Errorf("the args: %v bytes; answer %s", f["argsBytes"], r.Raw)
		}
		if got, _ := dig(f, "lastError", "at").(string); got == "" {
			t.Errorf("the last error's time: %v", f)
		} else if tm, err := time.Parse(time.RFC3339, got); err != nil || !tm.Equal(at) {
			t.Errorf("the last error's time: %s, want %s", got, at)
		}

		r = s.post(t, plat, backgroundJobsQ, map[string]any{"s": []string{"RETRYABLE", "DISCARDED"}})
		if list, _ := r.Data["backgroundJobs"].([]any); len(list) != 1 || dig(list[0], "id") != f["id"] {
			t.Errorf("retryable or discarded: %s", r.Raw)
		}
		r = s.post(t, plat, backgroundJobsQ, map[string]any{"k": "no_such_kind"})
		if list, ok := r.Data["backgroundJobs"].([]any); !ok || len(list) != 0 {
			t.Errorf("another kind: %s", r.Raw)
		}
		r = s.post(t, plat, backgroundJobsQ, map[string]any{"n": 1})
		if list, _ := r.Data["backgroundJobs"].([]any); len(list) != 1 || dig(list[0], "id") != f["id"] {
			t.Errorf("the newest one: %s", r.Raw)
		}
		if r = s.post(t, plat, backgroundJobsQ, map[string]any{"n": 0}); r.Code() != "BAD_USER_INPUT" {
			t.Errorf("first: 0: %s", r.Raw)
		}

		for _, who := range []string{"sp.admin@example.com"} {
			if r := s.post(t, s.login(t, who), backgroundJobsQ, nil); r.Code() != "FORBIDDEN" || r.Data["backgroundJobs"] != nil {
				t.Errorf("%s: %s", who, r.Raw)
			}
		}
	})
}

// personalArgs are a job's args that hold personal data.
type personalArgs struct {
	Phone string `json:"phone"`
}

func (personalArgs) Kind() string { return "test_personal" }

func attemptedBy(dia string) string {
	if dia == dialect.SQLite {
		return `'["instance-a"]'`
	}
	return `ARRAY['instance-a']`
}

// jobErrors are two attempt errors, the newest (attempt 1) second, as River appends them.
func jobErrors(dia string, at time.Time) string {
	e := `[{"at":"` + at.Add(-time.Minute).Format(time.RFC3339Nano) + `","attempt":1,"error":"first failure","trace":""},` +
		`{"at":"` + at.Format(time.RFC3339Nano) + `","attempt":1,"error":"second failure","trace":""}]`
	if dia == dialect.SQLite {
		return `'` + e + `'`
	}
	return `ARRAY(SELECT jsonb_array_elements('` + e + `'::jsonb))`
}
