package dbx

import (
	"context"
	"database/sql"
	"sync"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// maxPrepared bounds the statements a PreparingDriver keeps prepared; past it, marked
// statements run unprepared.
const maxPrepared = 128

type preparedKey struct{}

// Prepared marks ctx so that the statements run with it through a PreparingDriver are prepared
// once per connection and then only executed: PostgreSQL parses and plans them once instead of
// on every run (for a money movement's short statements, planning was about 40% of the
// database's work). Mark only fixed statements of hot paths, whose text does not vary with the
// data: their arguments are bound, so a generic plan serves them all.
func Prepared(ctx context.Context) context.Context {
	return context.WithValue(ctx, preparedKey{}, true)
}

// PreparingDriver is ent's SQL driver over db, running statements marked with Prepared as
// prepared statements (database/sql prepares each on a connection the first time it runs there).
type PreparingDriver struct {
	*entsql.Driver
	db    *sql.DB
	stmts *stmtCache
}

// NewPreparingDriver wraps db like entsql.OpenDB does.
func NewPreparingDriver(dia string, db *sql.DB) *PreparingDriver {
	cache := &stmtCache{db: db, m: map[string]*sql.Stmt{}}
	return &PreparingDriver{Driver: entsql.NewDriver(dia, entsql.Conn{ExecQuerier: preparing{q: db, stmts: cache}}), db: db, stmts: cache}
}

// DB is the pool.
func (d *PreparingDriver) DB() *sql.DB { return d.db }

// Tx starts a transaction.
func (d *PreparingDriver) Tx(ctx context.Context) (dialect.Tx, error) { return d.BeginTx(ctx, nil) }

// BeginTx starts a transaction with options.
func (d *PreparingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &entsql.Tx{Conn: entsql.Conn{ExecQuerier: preparing{q: tx, tx: tx, stmts: d.stmts}}, Tx: tx}, nil
}

// Close closes the prepared statements and the pool.
func (d *PreparingDriver) Close() error {
	d.stmts.close()
	return d.db.Close()
}

type preparing struct {
	q     entsql.ExecQuerier
	tx    *sql.Tx // nil outside a transaction
	stmts *stmtCache
}

func (p preparing) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if s := p.stmt(ctx, query); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return p.q.ExecContext(ctx, query, args...)
}

func (p preparing) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s := p.stmt(ctx, query); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return p.q.QueryContext(ctx, query, args...)
}

// stmt is the prepared statement for query if ctx asks for one (in the transaction, if any).
func (p preparing) stmt(ctx context.Context, query string) *sql.Stmt {
	if ctx.Value(preparedKey{}) == nil {
		return nil
	}
	s := p.stmts.get(ctx, query)
	if s == nil || p.tx == nil {
		return s
	}
	return p.tx.StmtContext(ctx, s) // (closed with the transaction)
}

type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

func (c *stmtCache) get(ctx context.Context, query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[query]; ok {
		return s
	}
	if len(c.m) >= maxPrepared {
		return nil
	}
	s, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil // run it unprepared; its error, if it has one, comes from there
	}
	c.m[query] = s
	return s
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.m {
		_ = s.Close()
	}
	c.m = map[string]*sql.Stmt{}
}
