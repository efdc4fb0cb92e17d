package dbx_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/demo"
	"github.com/partnercenter/partnercenter/internal/testdb"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// TestLimitPerRow: the first n children of each parent, with filters and both sort directions,
// are the same rows in the same order as entgql's window query, on both engines; on PostgreSQL
// the query is the LATERAL one.
func TestLimitPerRow(t *testing.T) {
	testdb.ForEachEngine(t, func(t *testing.T, engine string) {
		counter := &testdb.Counter{}
		d := testdb.Open(t, engine, db.Options{Driver: counter.Wrap})
		ctx := viewer.SystemContext(context.Background())
		if _, err := demo.LoadIfEmpty(ctx, d.Client); err != nil {
			t.Fatal(err)
		}
		load := func(limit func(string, int, ...sql.Querier) func(*sql.Selector), n int, desc bool, filter bool) string {
			order := []sql.Querier{sql.Expr(`"created_at"`), sql.Expr(`"id"`)}
			if desc {
				order = []sql.Querier{sql.Expr(`"created_at" DESC`), sql.Expr(`"id" DESC`)}
			}
			ps, err := d.Client.Partner.Query().Order(ent.Asc(partner.FieldID)).
				WithCustomers(func(q *ent.CustomerQuery) {
					if filter { // one predicate before ent's IN (a filter) and one after it (as a privacy rule's)
						q.Where(customer.AssociationTypeEQ(customer.AssociationTypeRESALE))
						q.Modify(func(s *sql.Selector) { s.Where(sql.NEQ(s.C(customer.FieldID), "cus_none")) })
					}
					q.Select(customer.FieldID, customer.FieldPartnerID, customer.FieldCreatedAt).Modify(limit(partner.CustomersColumn, n, order...))
				}).All(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, p := range ps {
				fmt.Fprintf(&b, "%s:", p.ID)
				for _, c := range p.Edges.Customers {
					fmt.Fprintf(&b, " %s", c.ID)
				}
				b.WriteString("\n")
			}
			return b.String()
		}
		children := 0
		for _, n := range []int{1, 2, 5} {
			for _, desc := range []bool{false, true} {
				for _, filter := range []bool{false, true} {
					want := load(entgql.LimitPerRow, n, desc, filter)
					counter.Reset()
					got := load(dbx.LimitPerRow, n, desc, filter)
					if got != want {
						t.Fatalf("first %d (desc %v, filter %v):\n%s\nwant:\n%s", n, desc, filter, got, want)
					}
					children += strings.Count(got, " ")
					lateral := slices.ContainsFunc(counter.Statements(), func(s string) bool { return strings.Contains(s, "CROSS JOIN LATERAL") })
					if lateral != (engine == dialect.Postgres) {
						t.Fatalf("%s: LATERAL used = %v:\n%s", engine, lateral, strings.Join(counter.Statements(), "\n"))
					}
				}
			}
		}
		if children == 0 {
			t.Fatal("the demo data has no customers under partners")
		}
	})
}

// TestSplitIn: the IN term is cut out wherever it stands among the predicates.
func TestSplitIn(t *testing.T) {
	for _, tc := range []struct {
		preds []*sql.Predicate
		want  string
	}{
		{[]*sql.Predicate{sql.InValues(`"c"."pid"`, "a", "b")}, `SELECT * FROM "c" WHERE (TRUE) AND "c"."pid" = "k"."fk"`},
		{[]*sql.Predicate{sql.InValues(`"c"."pid"`, "a", "b"), sql.EQ(`"c"."x"`, 1)}, `SELECT * FROM "c" WHERE (TRUE AND "c"."x" = $1) AND "c"."pid" = "k"."fk"`},
		{[]*sql.Predicate{sql.EQ(`"c"."x"`, 1), sql.InValues(`"c"."pid"`, "a", "b")}, `SELECT * FROM "c" WHERE ("c"."x" = $1 AND TRUE) AND "c"."pid" = "k"."fk"`},
		{[]*sql.Predicate{sql.Or(sql.EQ(`"c"."x"`, 1), sql.InValues(`"c"."pid"`, "a", "b"))}, `SELECT * FROM "c" WHERE ("c"."x" = $1 OR TRUE) AND "c"."pid" = "k"."fk"`},
		{[]*sql.Predicate{sql.EQ(`"c"."x"`, 1), sql.InValues(`"c"."pid"`, "a", "b"), sql.EQ(`"c"."y"`, 2)}, `SELECT * FROM "c" WHERE (("c"."x" = $1 AND TRUE) AND "c"."y" = $2) AND "c"."pid" = "k"."fk"`},
	} {
		s := sql.Dialect(dialect.Postgres).Select("*").From(sql.Table("c"))
		for _, p := range tc.preds {
			s.Where(p)
		}
		dbx.LimitPerRow("pid", 3)(s)
		q, args := s.Query()
		inner := q[strings.Index(q, "LATERAL (")+len("LATERAL (") : strings.Index(q, " LIMIT 3")]
		inner = regexp.MustCompile(`\$(\d+)`).ReplaceAllStringFunc(inner, func(m string) string { // renumber from $1
			n, _ := strconv.Atoi(m[1:])
			return "$" + strconv.Itoa(n-2)
		})
		if inner != tc.want || len(args) != 2+strings.Count(tc.want, "$") || args[0] != "a" || args[1] != "b" {
			t.Errorf("got  %s %v\nwant %s", inner, args, tc.want)
		}
	}
}
