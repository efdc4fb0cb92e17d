package ent

// Hand-written (not generated): rows prepared by ent's create builders but written by a
// statement of the caller's, for what the builders cannot write on their own, e.g. several
// inserts in one round trip as data-modifying WITH clauses (internal/ledger).

import (
	"context"
	stdsql "database/sql"
	"fmt"

	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/idempotencyrecord"
	"github.com/partnercenter/partnercenter/ent/ledgerentry"
	"github.com/partnercenter/partnercenter/internal/gid"

	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqlgraph"
)

// Row is a row a create builder would insert: its table, its columns and their values (the ID
// first, then the fields, then the foreign keys of edges to one row of another table).
type Row struct {
	Table   string
	Columns []string
	Values  []any
}

// PrepareRow applies the builder's defaults and validators and returns the journal it would
// insert and its row, without running anything. The caller writes the row with a statement of
// its own in its transaction; hooks and privacy policies are not run (journals are only written
// by internal/ledger, as the system).
func (_c *JournalCreate) PrepareRow() (*Journal, Row, error) {
	return prepare(func() { _c.defaults() }, _c.check, _c.createSpec)
}

// PrepareRow is JournalCreate.PrepareRow for an audit record (the caller's own action), without
// the node (read straight from the builder's mutation: no create spec is made).
func (_c *AuditLogCreate) PrepareRow() (Row, error) {
	return prepareRow(auditlog.Table, func() { _c.defaults() }, _c.check, _c.mutation)
}

// PrepareRow is AuditLogCreate.PrepareRow for a ledger entry.
func (_c *LedgerEntryCreate) PrepareRow() (Row, error) {
	return prepareRow(ledgerentry.Table, func() { _c.defaults() }, _c.check, _c.mutation)
}

// PrepareRow is AuditLogCreate.PrepareRow for an idempotency record (the claim of a key); the
// row's ID is its first value.
func (_c *IdempotencyRecordCreate) PrepareRow() (Row, error) {
	return prepareRow(idempotencyrecord.Table, func() { _c.defaults() }, _c.check, _c.mutation)
}

// rowMutation is what prepareRow reads of a create builder's mutation.
type rowMutation interface {
	ID() (gid.ID, bool)
	Fields() []string
	Field(string) (Value, bool)
}

// prepareRow applies a builder's defaults and validators and lists the row its mutation inserts:
// the ID, then every field it sets (edge fields included), each field's column named after it
// (no field of these tables has a storage key of its own). A create spec would make the same
// row with a field spec per column, the most numerous allocation of a money movement.
func prepareRow(table string, defaults func(), check func() error, m rowMutation) (Row, error) {
	defaults()
	if err := check(); err != nil {
		return Row{}, err
	}
	id, ok := m.ID()
	if !ok {
		return Row{}, fmt.Errorf("ent: PrepareRow: no ID for a row of %s", table)
	}
	fields := m.Fields()
	r := Row{Table: table, Columns: make([]string, 0, 1+len(fields)), Values: make([]any, 0, 1+len(fields))}
	r.Columns = append(r.Columns, "id")
	r.Values = append(r.Values, id)
	for _, f := range fields {
		v, _ := m.Field(f)
		r.Columns = append(r.Columns, f)
		r.Values = append(r.Values, v)
	}
	return r, nil
}

// Dialect is the SQL dialect of the client's database.
func (c *Client) Dialect() string { return c.driver.Dialect() }

// QueryAccounts runs query, which selects columns of the accounts table, through the client's
// driver (in its transaction, if any) and reads the accounts as ent's own queries do, through
// the generated scanners. Privacy policies are not run: the caller is the system.
func (c *Client) QueryAccounts(ctx context.Context, query string, args []any) ([]*Account, error) {
	rows, err := c.QuerySQL(ctx, query, args)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []*Account
	for rows.Next() {
		a := &Account{config: c.config}
		values, err := a.scanValues(cols)
		if err != nil {
			return nil, err
		}
		if err := rows.Scan(values...); err != nil {
			return nil, err
		}
		if err := a.assignValues(cols, values); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// QuerySQL runs a query through the client's driver (in its transaction, if any); the caller
// closes the rows.
func (c *Client) QuerySQL(ctx context.Context, query string, args []any) (*sql.Rows, error) {
	rows := &sql.Rows{}
	if err := c.driver.Query(ctx, query, args, rows); err != nil {
		return nil, err
	}
	return rows, nil
}

// ExecSQL runs a statement through the client's driver (in its transaction, if any).
func (c *Client) ExecSQL(ctx context.Context, query string, args []any) error {
	var res stdsql.Result
	return c.driver.Exec(ctx, query, args, &res)
}

// prepare applies a builder's defaults and validators and lists the row its create spec inserts.
// (defaults returns an error only where ent/runtime is not linked in; ent's first, policy-less
// generation pass makes it return nothing, which this file must compile with too: the callers
// pass it in a closure, which discards either.)
func prepare[N any](defaults func(), check func() error, createSpec func() (N, *sqlgraph.CreateSpec)) (N, Row, error) {
	defaults()
	if err := check(); err != nil {
		var zero N
		return zero, Row{}, err
	}
	node, spec := createSpec()
	r, err := rowOf(spec)
	return node, r, err
}

// rowOf lists a create spec's columns and values: its ID, its fields and the foreign keys of
// its edges to one row of another table.
func rowOf(spec *sqlgraph.CreateSpec) (Row, error) {
	n := 1 + len(spec.Fields) + len(spec.Edges)
	r := Row{Table: spec.Table, Columns: make([]string, 0, n), Values: make([]any, 0, n)}
	r.Columns = append(r.Columns, spec.ID.Column)
	r.Values = append(r.Values, spec.ID.Value)
	for _, f := range spec.Fields {
		r.Columns = append(r.Columns, f.Column)
		r.Values = append(r.Values, f.Value)
	}
	for _, e := range spec.Edges {
		if !(e.Rel == sqlgraph.M2O || (e.Rel == sqlgraph.O2O && e.Inverse)) || e.Bidi || len(e.Columns) != 1 || len(e.Target.Nodes) != 1 {
			return Row{}, fmt.Errorf("ent: PrepareRow cannot write the %s edge of %s", e.Columns, spec.Table)
		}
		r.Columns = append(r.Columns, e.Columns[0])
		r.Values = append(r.Values, e.Target.Nodes[0])
	}
	return r, nil
}
