package dbx

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"
)

type pipelinedKey struct{}

type commitKey struct{}

// Pipelined marks ctx so that a transaction begun with it on a connection of a Preparing
// connector sends its BEGIN with its first statement, in one round trip instead of two; and, if
// the statement that ends it is run with CommitWith, its COMMIT with that statement. A money
// posting is five round trips as written (BEGIN, three statements, COMMIT) and three this way;
// each round trip is a wake-up of the PostgreSQL backend and of the server, and a lock held a
// little longer. Nothing changes in what runs, in which order, or in what is atomic: the
// statements are pipelined, not merged, and an error in the first stops the ones after it
// (PostgreSQL skips the rest of a pipeline after an error).
func Pipelined(ctx context.Context) context.Context {
	return context.WithValue(ctx, pipelinedKey{}, true)
}

// CommitWith marks the context of the last statement (an Exec) of a Pipelined transaction: its
// COMMIT is sent with it. The transaction's Commit then only reports how that went, and nothing
// may run in the transaction after this statement. If the statement fails, the COMMIT is skipped
// and the transaction is rolled back as usual.
func CommitWith(ctx context.Context) context.Context {
	return context.WithValue(ctx, commitKey{}, true)
}

// The states of a deferred transaction.
const (
	txPending = iota // BEGIN not sent yet
	txOpen           // BEGIN sent
	txDone           // committed with its last statement (or its commit failed: err)
)

// deferredTx is a Pipelined transaction.
type deferredTx struct {
	c     *preparingConn
	begin string
	state int
	err   error
}

// errCommitRolledBack: COMMIT answered ROLLBACK (the transaction had failed).
var errCommitRolledBack = errors.New("dbx: commit unexpectedly resulted in rollback")

func (c *preparingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if ctx.Value(pipelinedKey{}) == nil {
		return c.baseConn.BeginTx(ctx, opts)
	}
	begin, err := beginSQL(opts)
	if err != nil {
		return nil, err
	}
	c.tx = &deferredTx{c: c, begin: begin}
	return c.tx, nil
}

// beginSQL is the BEGIN statement for opts.
func beginSQL(opts driver.TxOptions) (string, error) {
	s := "BEGIN"
	switch sql.IsolationLevel(opts.Isolation) {
	case sql.LevelDefault:
	case sql.LevelReadUncommitted:
		s += " ISOLATION LEVEL READ UNCOMMITTED"
	case sql.LevelReadCommitted:
		s += " ISOLATION LEVEL READ COMMITTED"
	case sql.LevelRepeatableRead, sql.LevelSnapshot:
		s += " ISOLATION LEVEL REPEATABLE READ"
	case sql.LevelSerializable:
		s += " ISOLATION LEVEL SERIALIZABLE"
	default:
		return "", fmt.Errorf("dbx: unsupported isolation level %v", opts.Isolation)
	}
	if opts.ReadOnly {
		s += " READ ONLY"
	}
	return s, nil
}

// PrepareContext prepares through pgx's own statement type, whose runs bypass this connection's
// pipelining: a pending BEGIN is sent first, so that they run inside the transaction.
func (c *preparingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if t := c.tx; t != nil && t.state == txPending {
		t.state = txOpen
		if _, err := c.pgx.Exec(ctx, t.begin); err != nil {
			return nil, err
		}
	}
	return c.baseConn.PrepareContext(ctx, query)
}

func (t *deferredTx) Commit() error {
	c := t.c
	c.tx = nil
	switch t.state {
	case txPending: // nothing ran: nothing to commit
		return nil
	case txDone:
		return t.err
	}
	tag, err := c.pgx.Exec(context.Background(), "COMMIT")
	if err != nil {
		return err
	}
	if tag.String() == "ROLLBACK" {
		return errCommitRolledBack
	}
	return nil
}

func (t *deferredTx) Rollback() error {
	c := t.c
	c.tx = nil
	switch t.state {
	case txPending:
		return nil
	case txDone:
		if t.err != nil {
			return nil // the failed COMMIT ended the transaction
		}
		return errors.New("dbx: the transaction was committed with its last statement")
	}
	_, err := c.pgx.Exec(context.Background(), "ROLLBACK")
	return err
}

func values(args []driver.NamedValue) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a.Value
	}
	return out
}

// send sends the transaction's BEGIN (if still pending), the statement and, with commit, COMMIT,
// in one round trip, and reads BEGIN's answer.
func (c *preparingConn) send(ctx context.Context, name string, args []driver.NamedValue, commit bool) (pgx.BatchResults, error) {
	t := c.tx
	b := &pgx.Batch{}
	begin := t.state == txPending
	if begin {
		b.Queue(t.begin)
	}
	b.Queue(name, values(args)...)
	if commit {
		b.Queue("COMMIT")
	}
	br := c.pgx.SendBatch(ctx, b)
	if begin {
		t.state = txOpen // (if BEGIN failed, ROLLBACK is harmless)
		if _, err := br.Exec(); err != nil {
			_ = br.Close()
			return nil, err
		}
	}
	return br, nil
}

func (c *preparingConn) pipelineExec(ctx context.Context, name string, args []driver.NamedValue, commit bool) (driver.Result, error) {
	t := c.tx
	br, err := c.send(ctx, name, args, commit)
	if err != nil {
		return nil, err
	}
	tag, err := br.Exec()
	if err != nil {
		_ = br.Close()
		return nil, err
	}
	if commit {
		ctag, err := br.Exec()
		t.state, t.err = txDone, err
		if err == nil && ctag.String() == "ROLLBACK" {
			t.err = errCommitRolledBack
		}
	}
	if err := br.Close(); err != nil && t.err == nil {
		return nil, err
	}
	if t.err != nil {
		return nil, t.err
	}
	return driver.RowsAffected(tag.RowsAffected()), nil
}

func (c *preparingConn) pipelineQuery(ctx context.Context, name string, args []driver.NamedValue) (driver.Rows, error) {
	br, err := c.send(ctx, name, args, false)
	if err != nil {
		return nil, err
	}
	rows, err := br.Query()
	if err != nil {
		_ = br.Close()
		return nil, err
	}
	// Read the first row now, as pgx's stdlib does: the columns are known after it.
	more := rows.Next()
	if err := rows.Err(); err != nil {
		rows.Close()
		_ = br.Close()
		return nil, err
	}
	return &batchRows{rows: rows, br: br, first: true, more: more}, nil
}

// batchRows are a pipelined query's rows, as database/sql wants them.
type batchRows struct {
	rows        pgx.Rows
	br          pgx.BatchResults
	first, more bool
	closed      bool
}

func (r *batchRows) Columns() []string {
	fds := r.rows.FieldDescriptions()
	out := make([]string, len(fds))
	for i, fd := range fds {
		out[i] = fd.Name
	}
	return out
}

func (r *batchRows) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	r.rows.Close()
	err := r.rows.Err()
	if cerr := r.br.Close(); err == nil {
		err = cerr
	}
	return err
}

func (r *batchRows) Next(dest []driver.Value) error {
	if r.first {
		r.first = false
		if !r.more {
			return r.end()
		}
	} else if !r.rows.Next() {
		return r.end()
	}
	vals, err := r.rows.Values()
	if err != nil {
		return err
	}
	fds := r.rows.FieldDescriptions()
	for i, v := range vals {
		if dest[i], err = driverValue(v); err != nil {
			return fmt.Errorf("dbx: column %s: %w", fds[i].Name, err)
		}
	}
	return nil
}

func (r *batchRows) end() error {
	if err := r.rows.Err(); err != nil {
		return err
	}
	return io.EOF
}

// driverValue turns what pgx decoded into one of database/sql's value types. A pipelined
// statement's first statement reads text, numbers, booleans and times; anything else is an
// error rather than a guess.
func driverValue(v any) (driver.Value, error) {
	switch x := v.(type) {
	case nil, int64, float64, bool, string, []byte:
		return x, nil
	case int32:
		return int64(x), nil
	case int16:
		return int64(x), nil
	case float32:
		return float64(x), nil
	case time.Time:
		return x, nil
	case driver.Valuer:
		return x.Value()
	}
	return nil, fmt.Errorf("a %T is not read in a pipelined statement", v)
}
