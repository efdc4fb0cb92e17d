package dbx_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// TestPipelinedTransactions: a dbx.Pipelined transaction sends its BEGIN with its first statement
// and, marked dbx.CommitWith, its COMMIT with its last; what runs and what is atomic stays the
// same. Each case checks what a second connection sees afterwards, and that the pool's single
// connection is left outside any transaction.
func TestPipelinedTransactions(t *testing.T) {
	d := testdb.Open(t, "postgres", db.Options{})
	d.SQL.SetMaxOpenConns(2)
	ctx := context.Background()
	if _, err := d.SQL.ExecContext(ctx, `CREATE TABLE pipe_t (id int PRIMARY KEY, n int NOT NULL CHECK (n >= 0))`); err != nil {
		t.Fatal(err)
	}
	count := func(t *testing.T) int {
		t.Helper()
		var n int
		if err := d.SQL.QueryRowContext(ctx, `SELECT count(*) FROM pipe_t`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// idle checks that no connection of the pool is left inside a transaction.
	idle := func(t *testing.T) {
		t.Helper()
		var n int
		if err := d.SQL.QueryRowContext(ctx, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("%d connections left idle in a transaction", n)
		}
	}
	begin := func(t *testing.T, opts *sql.TxOptions) *sql.Tx {
		t.Helper()
		tx, err := d.SQL.BeginTx(dbx.Pipelined(ctx), opts)
		if err != nil {
			t.Fatal(err)
		}
		return tx
	}

	t.Run("a query first, then a statement carrying the commit", func(t *testing.T) {
		tx := begin(t, nil)
		idle(t) // the BEGIN waits for the first statement
		var level string
		if err := tx.QueryRowContext(ctx, `SHOW transaction_isolation`).Scan(&level); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pipe_t VALUES (1, 1)`); err != nil {
			t.Fatal(err)
		}
		res, err := tx.ExecContext(dbx.CommitWith(dbx.Prepared(ctx)), `INSERT INTO pipe_t VALUES ($1, $2), ($3, $4)`, 2, 2, 3, 3)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := res.RowsAffected(); n != 2 {
			t.Fatalf("%d rows affected, want 2", n)
		}
		if n := count(t); n != 3 { // committed with the statement, before Commit is called
			t.Fatalf("%d rows seen from another connection, want 3", n)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if n := count(t); n != 3 {
			t.Fatalf("%d rows after the commit, want 3", n)
		}
		idle(t)
	})

	t.Run("the isolation level and access mode go with the BEGIN", func(t *testing.T) {
		tx := begin(t, &sql.TxOptions{Isolation: sql.LevelSerializable, ReadOnly: true})
		var level, ro string
		if err := tx.QueryRowContext(ctx, `SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')`).Scan(&level, &ro); err != nil {
			t.Fatal(err)
		}
		if level != "serializable" || ro != "on" {
			t.Fatalf("isolation %q, read only %q", level, ro)
		}
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		idle(t)
	})

	t.Run("a failing first statement rolls back with nothing written", func(t *testing.T) {
		before := count(t)
		tx := begin(t, nil)
		_, err := tx.ExecContext(ctx, `INSERT INTO pipe_t VALUES (1, 1)`) // a duplicate key
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "23505" {
			t.Fatalf("want a unique violation, got %v", err)
		}
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		if n := count(t); n != before {
			t.Fatalf("%d rows, want %d", n, before)
		}
		idle(t)
	})

	t.Run("a failing statement carrying the commit commits nothing", func(t *testing.T) {
		before := count(t)
		tx := begin(t, nil)
		if _, err := tx.ExecContext(ctx, `INSERT INTO pipe_t VALUES (10, 1)`); err != nil {
			t.Fatal(err)
		}
		_, err := tx.ExecContext(dbx.CommitWith(ctx), `UPDATE pipe_t SET n = n - 5 WHERE id = 10`) // below zero
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "23514" {
			t.Fatalf("want a check violation, got %v", err)
		}
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		if n := count(t); n != before {
			t.Fatalf("%d rows, want %d (the insert before the failed statement must be rolled back)", n, before)
		}
		idle(t)
	})

	t.Run("a statement prepared by database/sql runs inside the transaction", func(t *testing.T) {
		before := count(t)
		tx := begin(t, nil)
		st, err := tx.PrepareContext(ctx, `INSERT INTO pipe_t VALUES ($1, $2)`)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.ExecContext(ctx, 20, 1); err != nil {
			t.Fatal(err)
		}
		_ = st.Close()
		if err := tx.Rollback(); err != nil {
			t.Fatal(err)
		}
		if n := count(t); n != before {
			t.Fatalf("%d rows after the rollback, want %d", n, before)
		}
		idle(t)
	})

	t.Run("a transaction that ran nothing", func(t *testing.T) {
		if err := begin(t, nil).Commit(); err != nil {
			t.Fatal(err)
		}
		if err := begin(t, nil).Rollback(); err != nil {
			t.Fatal(err)
		}
		idle(t)
	})

	t.Run("a pipelined query's rows", func(t *testing.T) {
		tx := begin(t, nil)
		defer tx.Rollback()
		rows, err := tx.QueryContext(dbx.Prepared(ctx), `SELECT id, n, now(), 'x'::text, NULL::text FROM pipe_t WHERE id <= $1 ORDER BY id`, 3)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for rows.Next() {
			var id, n int64
			var at sql.NullTime
			var s string
			var null sql.NullString
			if err := rows.Scan(&id, &n, &at, &s, &null); err != nil {
				t.Fatal(err)
			}
			if !at.Valid || s != "x" || null.Valid {
				t.Fatalf("row %d: %v %q %v", id, at, s, null)
			}
			got = append(got, id*10+n)
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got[0] != 11 || got[1] != 22 || got[2] != 33 {
			t.Fatalf("rows %v", got)
		}
		if _, err := tx.QueryContext(ctx, `SELECT 1 FROM pipe_t`); err != nil { // the transaction goes on
			t.Fatal(err)
		}
	})
}
