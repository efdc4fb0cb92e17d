package dbx_test

import (
	"context"
	"testing"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// TestPreparedStatements: on PostgreSQL a statement run with a dbx.Prepared context is a prepared
// statement of the connection (in and out of a transaction) and answers like the unprepared one;
// an unmarked statement is not prepared.
func TestPreparedStatements(t *testing.T) {
	d := testdb.Open(t, "postgres", db.Options{})
	drv := entsql.OpenDB("postgres", d.SQL) // (db.Open wraps pgx's connector with dbx.Preparing)
	ctx := context.Background()
	const q = `SELECT $1::int + 1`
	answer := func(ctx context.Context, run func(ctx context.Context, query string, args, v any) error) int {
		t.Helper()
		rows := &entsql.Rows{}
		if err := run(ctx, q, []any{41}, rows); err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var n int
		for rows.Next() {
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
		}
		return n
	}
	prepared := func(run func(ctx context.Context, query string, args, v any) error) int {
		t.Helper()
		rows := &entsql.Rows{}
		if err := run(ctx, `SELECT count(*) FROM pg_prepared_statements WHERE statement = $1`, []any{q}, rows); err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var n int
		for rows.Next() {
			_ = rows.Scan(&n)
		}
		return n
	}
	tx, err := drv.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if answer(ctx, tx.Query) != 42 || prepared(tx.Query) != 0 {
		t.Fatal("an unmarked statement should run unprepared")
	}
	for range 2 {
		if answer(dbx.Prepared(ctx), tx.Query) != 42 {
			t.Fatal("the prepared statement answered wrongly")
		}
	}
	if n := prepared(tx.Query); n != 1 {
		t.Fatalf("the marked statement is prepared %d times on the transaction's connection, want 1", n)
	}
	if answer(dbx.Prepared(ctx), drv.Query) != 42 {
		t.Fatal("the prepared statement answered wrongly outside a transaction")
	}
}

// TestPreparedInATransactionNeedsNoOtherConnection: a marked statement is prepared on the
// transaction's own connection. (Prepared through database/sql instead, its first run asked the
// pool for another connection: with every connection held by such a transaction, none came.)
func TestPreparedInATransactionNeedsNoOtherConnection(t *testing.T) {
	d := testdb.Open(t, "postgres", db.Options{})
	d.SQL.SetMaxOpenConns(1)
	drv := entsql.OpenDB("postgres", d.SQL)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tx, err := drv.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for i := range 3 {
		rows := &entsql.Rows{}
		if err := tx.Query(dbx.Prepared(ctx), `SELECT $1::int * 2`, []any{i}, rows); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		var n int
		for rows.Next() {
			_ = rows.Scan(&n)
		}
		rows.Close()
		if n != 2*i {
			t.Fatalf("run %d answered %d", i, n)
		}
	}
}

// TestPreparedStatementsArePlannedAfresh: past dbx.PlanTTL a statement is prepared anew (so that
// its generic plan follows the tables' sizes), and the replaced preparation is closed when the
// connection is next handed out.
func TestPreparedStatementsArePlannedAfresh(t *testing.T) {
	d := testdb.Open(t, "postgres", db.Options{})
	d.SQL.SetMaxOpenConns(1) // one connection: every run below uses it
	drv := entsql.OpenDB("postgres", d.SQL)
	old := dbx.PlanTTL
	dbx.PlanTTL = 0
	defer func() { dbx.PlanTTL = old }()
	ctx := context.Background()
	const q = `SELECT $1::int + 100`
	count := func(query string, args []any, prepared bool) int {
		t.Helper()
		c := ctx
		if prepared {
			c = dbx.Prepared(ctx)
		}
		rows := &entsql.Rows{}
		if err := drv.Query(c, query, args, rows); err != nil {
			t.Fatal(err)
		}
		var n int
		for rows.Next() {
			_ = rows.Scan(&n)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for i := range 5 {
		if n := count(q, []any{i}, true); n != 100+i {
			t.Fatalf("run %d answered %d", i, n)
		}
	}
	if n := count(`SELECT count(*) FROM pg_prepared_statements WHERE statement = $1`, []any{q}, false); n < 1 || n > 2 {
		t.Fatalf("%d preparations of the statement on the connection, want the current one and at most one replaced one", n)
	}
}
