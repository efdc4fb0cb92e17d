// Package jobs runs the background work on River (riverqueue/river) over whichever database
// internal/db opened: riverdatabasesql over the lib/pq pool on PostgreSQL, riversqlite over the
// modernc pool on SQLite. Both drivers take a *sql.DB and hand out *sql.Tx, so the client, the
// workers and the operator listing are one code path (Client is river.Client[*sql.Tx]).
//
// The coupon expiry is the first job; docs/design/jobs.md has the findings of the spike that
// chose River and what is left (the other jobs of issue 17).
package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/ledger"
)

// Client is the River client on either database.
type Client = river.Client[*sql.Tx]

// Driver is River's driver for d: both implement riverdriver.Driver[*sql.Tx].
type Driver = riverdriver.Driver[*sql.Tx]

// NewDriver picks River's driver for the database d was opened on. River uses d's pool.
func NewDriver(d *db.DB) Driver {
	if d.Dialect == dialect.SQLite {
		return riversqlite.New(d.SQL)
	}
	return riverdatabasesql.New(d.SQL)
}

// Migrate brings River's own tables (river_job, river_leader, river_queue, river_client,
// river_client_queue, river_migration) up to the version this River release needs. It runs
// after internal/db's migrations, on both engines, through rivermigrate. rivermigrate takes no
// lock of its own, so instances starting together would race:
//   - PostgreSQL: a session advisory lock, held on a connection of its own while rivermigrate
//     runs on the pool. (Not one transaction: River's migration 006 adds an enum value and uses
//     it, which PostgreSQL refuses inside one transaction, 55P04.)
//   - SQLite: one transaction (MigrateTx), BEGIN IMMEDIATE (internal/db), which excludes other
//     writers.
func Migrate(ctx context.Context, d *db.DB, drv Driver) error {
	m, err := rivermigrate.New(drv, nil)
	if err != nil {
		return err
	}
	if d.Dialect == dialect.Postgres {
		conn, err := d.SQL.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		const key = "hashtext('partnercenter.rivermigrate')"
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock("+key+")"); err != nil {
			return fmt.Errorf("river migrations lock: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+key+")") //nolint:errcheck // the session ends with the connection anyway
		if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
			return fmt.Errorf("river migrations: %w", err)
		}
		return nil
	}
	tx, err := d.SQL.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after a commit it does nothing
	// Deprecated for PostgreSQL, where some of River's migrations cannot share a transaction; on
	// SQLite they can (tested), and the one transaction is what keeps two instances apart.
	//lint:ignore SA1019 SQLite only: see above
	if _, err := m.MigrateTx(ctx, tx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("river migrations: %w", err)
	}
	return tx.Commit()
}

// Options tune Start; zero values are the production settings.
type Options struct {
	Logger *slog.Logger
	// ID names this instance in river_client and in the jobs it attempts (attempted_by).
	ID string
	// PollInterval is how often an instance looks for available jobs (River's default 1 s).
	PollInterval time.Duration
	// CouponExpiryEvery is the coupon expiry's period (1 minute).
	CouponExpiryEvery time.Duration
	// NoPeriodic leaves the periodic jobs out (tests insert jobs themselves).
	NoPeriodic bool
	// RescueAfter is how long a job may stay running before another instance takes it back as
	// retryable (River's default is 1 hour): this is what a SIGKILL costs.
	RescueAfter time.Duration
	// JobTimeout cancels a job's context after this long (5 minutes); below RescueAfter.
	JobTimeout time.Duration
	// Register adds more workers (tests).
	Register func(*river.Workers) error
}

// Start migrates River's tables and starts a client working the default queue on d. Stop it
// (Client.Stop) before d closes.
func Start(ctx context.Context, d *db.DB, opt Options) (*Client, error) {
	drv := NewDriver(d)
	if err := Migrate(ctx, d, drv); err != nil {
		return nil, err
	}
	c, err := New(d, drv, opt)
	if err != nil {
		return nil, err
	}
	if err := c.Start(ctx); err != nil {
		return nil, fmt.Errorf("starting river: %w", err)
	}
	return c, nil
}

// New builds the client without starting it.
func New(d *db.DB, drv Driver, opt Options) (*Client, error) {
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if opt.CouponExpiryEvery == 0 {
		opt.CouponExpiryEvery = time.Minute
	}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, &couponExpiry{d: d, batch: 500, log: opt.Logger}); err != nil {
		return nil, err
	}
	if opt.Register != nil {
		if err := opt.Register(workers); err != nil {
			return nil, err
		}
	}
	if opt.JobTimeout == 0 {
		opt.JobTimeout = 5 * time.Minute
	}
	if opt.RescueAfter == 0 { // River's default is an hour: a killed instance's job waits that long
		opt.RescueAfter = 10 * time.Minute
	}
	cfg := &river.Config{
		ID:                   opt.ID,
		Logger:               opt.Logger,
		FetchPollInterval:    opt.PollInterval,
		RescueStuckJobsAfter: opt.RescueAfter,
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 4}},
		Workers:              workers,
		JobTimeout:           opt.JobTimeout,
	}
	if !opt.NoPeriodic {
		cfg.PeriodicJobs = []*river.PeriodicJob{
			river.NewPeriodicJob(river.PeriodicInterval(opt.CouponExpiryEvery),
				func() (river.JobArgs, *river.InsertOpts) { return ExpireCouponsArgs{}, nil },
				&river.PeriodicJobOpts{ID: "coupon_expiry", RunOnStart: true}),
		}
	}
	return river.NewClient(drv, cfg)
}

// ExpireCouponsArgs is the coupon expiry job (ledger.ExpireCoupons).
type ExpireCouponsArgs struct{}

// Kind names the job in river_job.kind.
func (ExpireCouponsArgs) Kind() string { return "expire_coupons" }

// InsertOpts: at most one per minute however many instances or leaders insert it; a failed
// run is retried (River's backoff) up to 5 attempts, then discarded and left for the operator.
func (ExpireCouponsArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByPeriod: time.Minute}}
}

type couponExpiry struct {
	river.WorkerDefaults[ExpireCouponsArgs]
	d     *db.DB
	batch int
	log   *slog.Logger
}

// Work expires the coupons due and marks the job completed in the same transaction
// (river.JobCompleteTx): if the instance dies before the commit, neither happened and the
// rescued job runs again; after it, both did.
func (w *couponExpiry) Work(ctx context.Context, job *river.Job[ExpireCouponsArgs]) error {
	return InTx(ctx, w.d, func(tx *sql.Tx, c *ent.Client) error {
		n, err := ledger.ExpireCoupons(ctx, c, w.batch)
		if err != nil {
			return err
		}
		if n > 0 {
			w.log.Info("coupons expired", "count", n, "job", job.ID)
		}
		_, err = river.JobCompleteTx[Driver](ctx, tx, job)
		return err
	})
}

// InTx runs fn in one database transaction with an ent client bound to it. Code that opens
// its own ent transaction inside (client.Tx, as ledger does) joins this one: its commit and
// rollback are no-ops, and the outer commit or rollback decides.
func InTx(ctx context.Context, d *db.DB, fn func(tx *sql.Tx, c *ent.Client) error) error {
	tx, err := d.SQL.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	drv := joinTx{entsql.NewDriver(d.Dialect, entsql.Conn{ExecQuerier: tx})}
	if err := fn(tx, ent.NewClient(ent.Driver(drv))); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

type joinTx struct{ *entsql.Driver }

func (d joinTx) Tx(context.Context) (dialect.Tx, error) { return dialect.NopTx(d.Driver), nil }

func (d joinTx) BeginTx(context.Context, *entsql.TxOptions) (dialect.Tx, error) {
	return dialect.NopTx(d.Driver), nil
}

// MaxList is the most jobs List answers at once.
const MaxList = 500

// List is what the operator page shows (graph's backgroundJobs): the newest jobs, of the given
// states and kind when not empty, with their state, attempts and errors (rivertype.JobRow: Kind,
// State, Attempt, MaxAttempts, AttemptedBy, Errors, timestamps). limit is brought within
// 1..MaxList (River's JobListParams.First panics outside 1..10000). An unstarted client lists too.
func List(ctx context.Context, c *Client, states []rivertype.JobState, kind string, limit int) ([]*rivertype.JobRow, error) {
	limit = min(max(limit, 1), MaxList)
	p := river.NewJobListParams().First(limit).OrderBy(river.JobListOrderByID, river.SortOrderDesc)
	if len(states) > 0 {
		p = p.States(states...)
	}
	if kind != "" {
		p = p.Kinds(kind)
	}
	res, err := c.JobList(ctx, p)
	if err != nil {
		return nil, err
	}
	return res.Jobs, nil
}
