package ent

// Hand-written (not generated): rows prepared by ent's create builders but written by a
// statement of the caller's, for what the builders cannot write on their own, e.g. several
// inserts in one round trip as data-modifying WITH clauses (internal/ledger).

import (
	"fmt"
	"slices"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqlgraph"
)

// Prepare applies the builder's defaults and validators and returns the journal it would
// insert with a PostgreSQL INSERT statement for it, without running anything. The caller runs
// the statement in its transaction; hooks and privacy policies are not run (journals are only
// written by internal/ledger, as the system).
func (_c *JournalCreate) Prepare() (*Journal, *sql.InsertBuilder, error) {
	return prepare(func() { _c.defaults() }, _c.check, _c.createSpec)
}

// Prepare is JournalCreate.Prepare for an audit record (the caller's own action).
func (_c *AuditLogCreate) Prepare() (*AuditLog, *sql.InsertBuilder, error) {
	return prepare(func() { _c.defaults() }, _c.check, _c.createSpec)
}

// Prepare is JournalCreate.Prepare for an idempotency record (the claim of a key).
func (_c *IdempotencyRecordCreate) Prepare() (*IdempotencyRecord, *sql.InsertBuilder, error) {
	return prepare(func() { _c.defaults() }, _c.check, _c.createSpec)
}

// PrepareEntries is Prepare for several ledger entries, as one multi-row INSERT.
func PrepareEntries(creates []*LedgerEntryCreate) (*sql.InsertBuilder, error) {
	var ins *sql.InsertBuilder
	var first []string
	for _, _c := range creates {
		_c.defaults()
		if err := _c.check(); err != nil {
			return nil, err
		}
		_, spec := _c.createSpec()
		cols, vals, err := columnsOf(spec)
		if err != nil {
			return nil, err
		}
		if ins == nil {
			first = cols
			ins = sql.Dialect(dialect.Postgres).Insert(spec.Table).Columns(cols...)
		} else if !slices.Equal(cols, first) {
			return nil, fmt.Errorf("ent: PrepareEntries: the entries set different fields")
		}
		ins.Values(vals...)
	}
	if ins == nil {
		return nil, fmt.Errorf("ent: PrepareEntries: no entries")
	}
	return ins, nil
}

// prepare applies a builder's defaults and validators and renders its create spec as an INSERT.
// (defaults returns an error only where ent/runtime is not linked in; ent's first, policy-less
// generation pass makes it return nothing, which this file must compile with too: the callers
// pass it in a closure, which discards either.)
func prepare[N any](defaults func(), check func() error, createSpec func() (N, *sqlgraph.CreateSpec)) (N, *sql.InsertBuilder, error) {
	defaults()
	if err := check(); err != nil {
		var zero N
		return zero, nil, err
	}
	node, spec := createSpec()
	ins, err := insertOf(spec)
	return node, ins, err
}

// insertOf renders a create spec as an INSERT.
func insertOf(spec *sqlgraph.CreateSpec) (*sql.InsertBuilder, error) {
	cols, vals, err := columnsOf(spec)
	if err != nil {
		return nil, err
	}
	return sql.Dialect(dialect.Postgres).Insert(spec.Table).Columns(cols...).Values(vals...), nil
}

// columnsOf lists a create spec's columns and values: its ID, its fields and the foreign keys of
// its edges to one row of another table.
func columnsOf(spec *sqlgraph.CreateSpec) ([]string, []any, error) {
	cols := []string{spec.ID.Column}
	vals := []any{spec.ID.Value}
	for _, f := range spec.Fields {
		cols = append(cols, f.Column)
		vals = append(vals, f.Value)
	}
	for _, e := range spec.Edges {
		if !(e.Rel == sqlgraph.M2O || (e.Rel == sqlgraph.O2O && e.Inverse)) || e.Bidi || len(e.Columns) != 1 || len(e.Target.Nodes) != 1 {
			return nil, nil, fmt.Errorf("ent: Prepare cannot write the %s edge of %s", e.Columns, spec.Table)
		}
		cols = append(cols, e.Columns[0])
		vals = append(vals, e.Target.Nodes[0])
	}
	return cols, vals, nil
}
