package db_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"entgo.io/ent/dialect"

	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// TestMigrationsAreCurrent fails when the ent schema has changes that no committed PostgreSQL
// migration carries: run `make migration name=...`.
func TestMigrationsAreCurrent(t *testing.T) {
	d := testdb.Open(t, dialect.Postgres, db.Options{})
	var buf bytes.Buffer
	if err := d.Client.Schema.WriteTo(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	var pending []string
	for _, line := range strings.Split(buf.String(), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line == "BEGIN;" || line == "COMMIT;" || strings.HasPrefix(line, "--") {
			continue
		}
		pending = append(pending, line)
	}
	if len(pending) > 0 {
		t.Fatalf("the committed migrations lag the ent schema; run `make migration name=<what changed>`. Pending:\n%s", strings.Join(pending, "\n"))
	}
}

// TestOpenRefusesUnknownURL keeps configuration mistakes loud.
func TestOpenRefusesUnknownURL(t *testing.T) {
	_, err := db.Open(context.Background(), "mysql://x", db.Options{})
	if err == nil || !strings.Contains(err.Error(), "postgres://") {
		t.Fatalf("got %v", err)
	}
}

// TestSQLiteCreatedOnFirstStart checks the embedded default makes its file and schema itself.
func TestSQLiteCreatedOnFirstStart(t *testing.T) {
	dir := t.TempDir() + "/nested/data"
	d, err := db.Open(context.Background(), "", db.Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if n, err := d.Client.Partner.Query().Count(ctxSystem()); err != nil || n != 0 {
		t.Fatalf("fresh database: %d partners, %v", n, err)
	}
}
