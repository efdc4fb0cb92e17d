// Command migrategen writes a new versioned PostgreSQL migration (up and down SQL, golang-migrate
// format) for whatever the ent schema has that the committed migrations lack. It replays the
// committed migrations into a scratch database, diffs that against the schema, and writes the
// difference. `make migration name=add_ledger` runs it.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"net/url"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/sqltool"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/lib/pq"

	"github.com/partnercenter/partnercenter/ent/migrate"
)

func main() {
	name := flag.String("name", "", "migration name, e.g. add_ledger")
	dev := flag.String("dev", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable",
		"a PostgreSQL server used as scratch (a temporary database is created on it and dropped)")
	dir := flag.String("dir", "internal/db/migrations", "migrations directory")
	flag.Parse()
	if *name == "" {
		log.Fatal("-name is required")
	}
	ctx := context.Background()
	admin, err := sql.Open("postgres", *dev)
	if err != nil {
		log.Fatal(err)
	}
	defer admin.Close()
	scratch := fmt.Sprintf("pc_migrategen_%d", rand.Uint32())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+scratch); err != nil {
		log.Fatal(err)
	}
	defer admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+scratch+" WITH (FORCE)")
	u, err := url.Parse(*dev)
	if err != nil {
		log.Fatal(err)
	}
	u.Path = "/" + scratch
	gdir, err := sqltool.NewGolangMigrateDir(*dir)
	if err != nil {
		log.Fatal(err)
	}
	// Hand-written migrations (triggers) and removed unreleased ones must be in the sum file.
	sum, err := gdir.Checksum()
	if err != nil {
		log.Fatal(err)
	}
	if err := atlasmigrate.WriteSumFile(gdir, sum); err != nil {
		log.Fatal(err)
	}
	if err := migrate.NamedDiff(ctx, u.String(), *name,
		schema.WithDir(gdir),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithDialect(dialect.Postgres),
		schema.WithFormatter(sqltool.GolangMigrateFormatter),
		schema.WithDropColumn(true), schema.WithDropIndex(true),
	); err != nil {
		log.Fatal(err)
	}
}
