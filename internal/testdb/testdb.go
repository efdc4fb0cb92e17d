// Package testdb gives tests a fresh, migrated database on each engine the project supports:
// PostgreSQL (a new database on the server named by TEST_DATABASE_URL, dropped afterwards) and
// the embedded SQLite (a file in a temporary directory).
package testdb

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"
	_ "github.com/lib/pq"

	"github.com/partnercenter/partnercenter/internal/db"
)

// Engines are the databases every integration test runs on.
var Engines = []string{dialect.Postgres, dialect.SQLite}

// ForEach runs fn as a subtest per engine, each with a fresh database.
func ForEach(t *testing.T, fn func(t *testing.T, d *db.DB)) {
	t.Helper()
	for _, e := range Engines {
		t.Run(e, func(t *testing.T) { fn(t, Open(t, e, db.Options{})) })
	}
}

// Open returns a fresh migrated database of the given engine, closed and dropped when t ends.
// Without TEST_DATABASE_URL the PostgreSQL variant is skipped, unless PC_REQUIRE_POSTGRES=1
// (as `make test` sets), where it fails.
func Open(t testing.TB, engine string, opt db.Options) *db.DB {
	t.Helper()
	ctx := context.Background()
	var rawURL string
	switch engine {
	case dialect.SQLite:
		opt.DataDir = t.TempDir()
	case dialect.Postgres:
		rawURL = createPostgres(t)
	default:
		t.Fatalf("unknown engine %q", engine)
	}
	d, err := db.Open(ctx, rawURL, opt)
	if err != nil {
		t.Fatalf("opening %s: %v", engine, err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

var counter atomic.Int64

func createPostgres(t testing.TB) string {
	admin := os.Getenv("TEST_DATABASE_URL")
	if admin == "" {
		if os.Getenv("PC_REQUIRE_POSTGRES") == "1" {
			t.Fatal("TEST_DATABASE_URL is not set but PostgreSQL is required (PC_REQUIRE_POSTGRES=1)")
		}
		t.Skip("TEST_DATABASE_URL is not set: skipping the PostgreSQL variant (make test sets it)")
	}
	adb, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	defer adb.Close()
	name := fmt.Sprintf("pc_test_%d_%d_%d", os.Getpid(), counter.Add(1), rand.Uint32()%100000)
	if _, err := adb.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("creating test database: %v", err)
	}
	t.Cleanup(func() {
		adb, err := sql.Open("postgres", admin)
		if err != nil {
			return
		}
		defer adb.Close()
		if _, err := adb.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Logf("dropping %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// ForEachEngine runs fn as a subtest per engine, leaving the opening to fn.
func ForEachEngine(t *testing.T, fn func(t *testing.T, engine string)) {
	t.Helper()
	for _, e := range Engines {
		t.Run(e, func(t *testing.T) { fn(t, e) })
	}
}
