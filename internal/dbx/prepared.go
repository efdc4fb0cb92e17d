package dbx

import (
	"context"
	"database/sql/driver"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// maxPrepared bounds the statements one connection keeps prepared; past it, marked statements
// run unprepared.
const maxPrepared = 128

// PlanTTL is how long a connection uses one preparation of a statement before it prepares it
// anew. PostgreSQL builds a prepared statement's generic plan once, from the table sizes of that
// moment, and keeps it while the connection lives: a plan made when idempotency_records was
// nearly empty scanned the whole table for one row, and the money statements grew slower with
// every thousand keys (PostgreSQL's CPU per allocation went from 0.9 to 10 ms in a minute). A
// fresh preparation plans with the sizes of now; its cost, once per statement and connection
// every PlanTTL, is negligible.
//
// A statement's first preparations on a connection live shorter: FirstPlanTTL, then twice that,
// and so on up to PlanTTL. Tables grow fastest, relative to their size, when they are young (a
// new installation; the benchmark's fresh database, where idempotency_records goes from 60 rows
// to 15,000 in ten seconds): a plan made in the first second is replaced after one, not ten.
var PlanTTL = 10 * time.Second

// FirstPlanTTL is how long the first preparation of a statement on a connection is used (see
// PlanTTL).
var FirstPlanTTL = time.Second

type preparedKey struct{}

// Prepared marks ctx so that the statements run with it on a connection of a Preparing connector
// are prepared once per connection and then only executed: PostgreSQL parses and plans them once
// instead of on every run (for a money movement's short statements, planning was about 40% of
// the database's work). Mark only fixed statements of hot paths, whose text does not vary with
// the data: their arguments are bound, so a generic plan serves them all.
func Prepared(ctx context.Context) context.Context {
	return context.WithValue(ctx, preparedKey{}, true)
}

// Preparing wraps a connector (pgx's stdlib one) so that each of its connections keeps the
// statements marked with Prepared prepared, on itself, and runs the transactions marked with
// Pipelined in fewer round trips. The statements live in the connection, not in database/sql: a
// marked statement inside a transaction runs on the transaction's connection without asking the
// pool for another one (database/sql's own prepared statements are prepared first on whichever
// connection the pool hands out, which, with every connection held by a transaction waiting for
// that, never comes), and without database/sql's per-statement bookkeeping of which connections
// a statement is prepared on.
func Preparing(c driver.Connector) driver.Connector { return preparingConnector{c, true} }

// Unpreparing is Preparing whose connections prepare nothing (behind a pooler in transaction
// mode, where a connection's prepared statements are lost); they still pipeline.
func Unpreparing(c driver.Connector) driver.Connector { return preparingConnector{c, false} }

type preparingConnector struct {
	driver.Connector
	prepare bool
}

func (c preparingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	pc, err := newPreparingConn(conn)
	if err != nil {
		return nil, err
	}
	pc.prepare = c.prepare
	return pc, nil
}

// The interfaces database/sql uses, which the wrapped connection (pgx's) implements; a
// connection without one of them is refused rather than silently served worse.
type baseConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.NamedValueChecker
	Conn() *pgx.Conn
}

// preparingConn is one connection, its prepared statements and its deferred transaction.
// database/sql uses a connection from one goroutine at a time, so nothing here needs a lock.
// Statements past their life are replaced at once and deallocated at the connection's next
// ResetSession, when database/sql hands it out again and no transaction can be open on it.
type preparingConn struct {
	baseConn
	pgx   *pgx.Conn
	stmts map[string]preparedStmt // by query text
	stale []string                // names of replaced preparations
	made  int                     // preparations made, for their names
	tx    *deferredTx             // the Pipelined transaction in progress
	// prepare is false for Unpreparing's connections.
	prepare bool
}

// preparedStmt is a preparation: its name, when it was made and how long it is used.
type preparedStmt struct {
	name string
	at   time.Time
	ttl  time.Duration
}

// nextTTL is the life of the preparation that follows one that lived ttl (0: the first).
func nextTTL(ttl time.Duration) time.Duration {
	if ttl <= 0 {
		return min(FirstPlanTTL, PlanTTL)
	}
	return min(2*ttl, PlanTTL)
}

func newPreparingConn(conn driver.Conn) (*preparingConn, error) {
	b, ok := conn.(baseConn)
	if !ok {
		_ = conn.Close()
		return nil, errors.New("dbx: the database driver's connection lacks an interface database/sql uses")
	}
	return &preparingConn{baseConn: b, pgx: b.Conn(), stmts: map[string]preparedStmt{}}, nil
}

// stmt is what to run for query: the name of the connection's preparation of it if ctx asks for
// one (pgx runs a prepared statement when given its name), else query itself (also when the
// connection already keeps maxPrepared statements).
func (c *preparingConn) stmt(ctx context.Context, query string) (string, error) {
	if !c.prepare || ctx.Value(preparedKey{}) == nil {
		return query, nil
	}
	var lived time.Duration
	if s, ok := c.stmts[query]; ok {
		if time.Since(s.at) < s.ttl {
			return s.name, nil
		}
		c.stale = append(c.stale, s.name)
		delete(c.stmts, query)
		lived = s.ttl
	}
	if len(c.stmts) >= maxPrepared {
		return query, nil
	}
	c.made++
	name := "pc_" + strconv.Itoa(c.made)
	if _, err := c.pgx.Prepare(ctx, name, query); err != nil {
		return "", err
	}
	c.stmts[query] = preparedStmt{name: name, at: time.Now(), ttl: nextTTL(lived)}
	return name, nil
}

func (c *preparingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	name, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.tx != nil && c.tx.state == txPending {
		return c.pipelineQuery(ctx, name, args)
	}
	return c.baseConn.QueryContext(ctx, name, args)
}

func (c *preparingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	name, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	commit := ctx.Value(commitKey{}) != nil
	if c.tx != nil && (c.tx.state == txPending || c.tx.state == txOpen && commit) {
		return c.pipelineExec(ctx, name, args, commit)
	}
	return c.baseConn.ExecContext(ctx, name, args)
}

// ResetSession deallocates the preparations replaced since the connection's last use, then
// resets it.
func (c *preparingConn) ResetSession(ctx context.Context) error {
	c.tx = nil
	for _, name := range c.stale {
		if err := c.pgx.Deallocate(ctx, name); err != nil {
			return driver.ErrBadConn
		}
	}
	c.stale = nil
	return c.baseConn.ResetSession(ctx)
}

// Close closes the connection (the server forgets its prepared statements with it).
func (c *preparingConn) Close() error {
	c.stmts, c.stale = nil, nil
	return c.baseConn.Close()
}
