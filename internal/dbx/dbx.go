// Package dbx holds the small SQL helpers that domain operations share across both databases.
package dbx

import (
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// ForUpdate, used as a query predicate (predicate.Customer(dbx.ForUpdate)), locks the selected
// rows until the transaction ends on PostgreSQL. SQLite has no row locks and needs none: its
// transactions begin IMMEDIATE (see internal/db), so writers are already serialised.
func ForUpdate(s *sql.Selector) {
	if s.Dialect() == dialect.Postgres {
		s.ForUpdate()
	}
}

// ForShare, used as a query predicate, takes a shared row lock on PostgreSQL: concurrent readers
// proceed, a concurrent FOR UPDATE (e.g. a type switch) waits. SQLite needs none (see ForUpdate).
func ForShare(s *sql.Selector) {
	if s.Dialect() == dialect.Postgres {
		s.ForShare()
	}
}
