package testdb

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"

	"entgo.io/ent/dialect"
)

// Counter counts the SQL statements sent through a driver, so tests can prove that a request's
// statement count does not grow with the rows it returns.
type Counter struct {
	n   atomic.Int64
	mu  sync.Mutex
	log []string
}

// Wrap is an Options.Driver that counts through c.
func (c *Counter) Wrap(d dialect.Driver) dialect.Driver { return &countDriver{Driver: d, c: c} }

// Reset zeroes the count and forgets the statements.
func (c *Counter) Reset() {
	c.n.Store(0)
	c.mu.Lock()
	c.log = nil
	c.mu.Unlock()
}

// Count is the number of statements since the last Reset.
func (c *Counter) Count() int { return int(c.n.Load()) }

// Statements lists the statements since the last Reset.
func (c *Counter) Statements() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.log...)
}

func (c *Counter) add(q string) {
	c.n.Add(1)
	c.mu.Lock()
	c.log = append(c.log, strings.Join(strings.Fields(q), " "))
	c.mu.Unlock()
}

type countDriver struct {
	dialect.Driver
	c *Counter
}

func (d *countDriver) Exec(ctx context.Context, q string, args, v any) error {
	d.c.add(q)
	return d.Driver.Exec(ctx, q, args, v)
}

func (d *countDriver) Query(ctx context.Context, q string, args, v any) error {
	d.c.add(q)
	return d.Driver.Query(ctx, q, args, v)
}

func (d *countDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return &countTx{Tx: tx, c: d.c}, nil
}

type countTx struct {
	dialect.Tx
	c *Counter
}

func (t *countTx) Exec(ctx context.Context, q string, args, v any) error {
	t.c.add(q)
	return t.Tx.Exec(ctx, q, args, v)
}

func (t *countTx) Query(ctx context.Context, q string, args, v any) error {
	t.c.add(q)
	return t.Tx.Query(ctx, q, args, v)
}
