package dbx

import (
	"context"
	"database/sql/driver"
	"errors"
	"time"
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

// Preparing wraps a connector (lib/pq's) so that each of its connections keeps the statements
// marked with Prepared prepared, on itself. The statements live in the driver's connection, not in
// database/sql: a marked statement inside a transaction runs on the transaction's connection
// without asking the pool for another one (database/sql's own prepared statements are prepared
// first on whichever connection the pool hands out, which, with every connection held by a
// transaction waiting for that, never comes), and without database/sql's per-statement
// bookkeeping of which connections a statement is prepared on.
func Preparing(c driver.Connector) driver.Connector { return preparingConnector{c} }

type preparingConnector struct{ driver.Connector }

func (c preparingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return newPreparingConn(conn)
}

// The interfaces database/sql uses, which the wrapped connection (lib/pq's) implements; a
// connection without one of them is refused rather than silently served worse.
type baseConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.QueryerContext
	driver.ExecerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
	driver.NamedValueChecker
}

// preparingConn is one connection and its prepared statements. database/sql uses a connection
// from one goroutine at a time, so the map needs no lock. Statements past their PlanTTL are
// replaced at once and closed at the connection's next ResetSession, when database/sql hands it
// out again and no transaction can be open on it.
type preparingConn struct {
	baseConn
	stmts map[string]preparedStmt
	stale []driver.Stmt
}

// preparedStmt is a preparation, when it was made and how long it is used.
type preparedStmt struct {
	driver.Stmt
	at  time.Time
	ttl time.Duration
}

// nextTTL is the life of the preparation that follows one that lived ttl (0: the first).
func nextTTL(ttl time.Duration) time.Duration {
	if ttl <= 0 {
		return min(FirstPlanTTL, PlanTTL)
	}
	return min(2*ttl, PlanTTL)
}

func newPreparingConn(conn driver.Conn) (driver.Conn, error) {
	b, ok := conn.(baseConn)
	if !ok {
		_ = conn.Close()
		return nil, errors.New("dbx: the database driver's connection lacks an interface database/sql uses")
	}
	return &preparingConn{baseConn: b, stmts: map[string]preparedStmt{}}, nil
}

// stmt is the connection's prepared statement for query if ctx asks for one (nil otherwise, or
// when the connection already keeps maxPrepared statements).
func (c *preparingConn) stmt(ctx context.Context, query string) (driver.Stmt, error) {
	if ctx.Value(preparedKey{}) == nil {
		return nil, nil
	}
	var lived time.Duration
	if s, ok := c.stmts[query]; ok {
		if time.Since(s.at) < s.ttl {
			return s.Stmt, nil
		}
		c.stale = append(c.stale, s.Stmt)
		delete(c.stmts, query)
		lived = s.ttl
	}
	if len(c.stmts) >= maxPrepared {
		return nil, nil
	}
	s, err := c.baseConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if _, ok := s.(interface {
		driver.StmtQueryContext
		driver.StmtExecContext
	}); !ok {
		_ = s.Close()
		return nil, nil
	}
	c.stmts[query] = preparedStmt{Stmt: s, at: time.Now(), ttl: nextTTL(lived)}
	return s, nil
}

func (c *preparingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s != nil {
		return s.(driver.StmtQueryContext).QueryContext(ctx, args)
	}
	return c.baseConn.QueryContext(ctx, query, args)
}

func (c *preparingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s != nil {
		return s.(driver.StmtExecContext).ExecContext(ctx, args)
	}
	return c.baseConn.ExecContext(ctx, query, args)
}

// ResetSession closes the statements replaced since the connection's last use, then resets it.
func (c *preparingConn) ResetSession(ctx context.Context) error {
	for _, s := range c.stale {
		_ = s.Close()
	}
	c.stale = nil
	return c.baseConn.ResetSession(ctx)
}

// Close closes the statements (the server forgets them with the connection anyway) and the
// connection.
func (c *preparingConn) Close() error {
	for _, s := range c.stmts {
		_ = s.Close()
	}
	for _, s := range c.stale {
		_ = s.Close()
	}
	c.stmts, c.stale = nil, nil
	return c.baseConn.Close()
}
