package dbx

import (
	"regexp"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// LimitPerRow replaces entgql.LimitPerRow in the generated ent/gql_collection.go (ent/entc.go
// rewrites the call): it loads the first `limit` rows of a nested connection for each parent,
// e.g. the first 10 customers of each of 50 partners, in one statement.
//
// entgql numbers all children of every parent with ROW_NUMBER() and keeps the first `limit`:
// PostgreSQL reads and sorts every child (100 customers a partner at SF1, 5,000 rows for a page
// of 50 partners) to return 500. On PostgreSQL this instead runs, for each parent key, an index
// scan that stops after `limit` rows:
//
//	SELECT cols FROM (VALUES ($1), ($2), ...) AS "k"("fk")
//	CROSS JOIN LATERAL (SELECT cols FROM children WHERE <predicates> AND children.fk = "k"."fk"
//	                    ORDER BY <order> LIMIT limit) AS children
//
// The parent keys are the values of the "fk IN (...)" predicate ent's eager loading adds; the
// predicates (filters, cursors, privacy rules, and that IN itself) stay as they are inside the
// lateral query. On SQLite (no LATERAL), or if that predicate is not found, it is entgql's query.
func LimitPerRow(partitionBy string, limit int, orderBy ...sql.Querier) func(s *sql.Selector) {
	window := entgql.LimitPerRow(partitionBy, limit, orderBy...)
	return func(s *sql.Selector) {
		if s.Dialect() != dialect.Postgres || s.P() == nil {
			window(s)
			return
		}
		keys, rest := splitIn(s.P(), s.C(partitionBy))
		if keys == nil {
			window(s)
			return
		}
		table := s.TableName()
		s.SetDistinct(false)
		// Inside the lateral query the IN term is replaced by TRUE, which is what it evaluates to
		// there (the row's key is "k"."fk", one of the IN's values), wherever it stands in the
		// predicate; kept, PostgreSQL would scan the index for every key for every parent.
		inner := s.Clone().SetP(rest).
			Where(sql.ExprP(s.C(partitionBy) + ` = "k"."fk"`)).
			OrderExpr(orderBy...).
			Limit(limit)
		from := sql.ExprFunc(func(b *sql.Builder) {
			b.WriteString("(VALUES ")
			for i, k := range keys {
				if i > 0 {
					b.Comma()
				}
				b.WriteByte('(').Arg(k).WriteByte(')')
			}
			b.WriteString(`) AS "k"("fk") CROSS JOIN LATERAL (`)
			b.Join(inner)
			b.WriteString(") AS ").Ident(table)
		})
		*s = *sql.Dialect(dialect.Postgres).Select(s.UnqualifiedColumns()...).FromExpr(from)
	}
}

var placeholder = regexp.MustCompile(`\$\d+`)

// splitIn finds the `col IN ($i, ..., $j)` term of p and returns its arguments and p with that
// term replaced by TRUE; nil if p has no such term, or more than one.
func splitIn(p *sql.Predicate, col string) ([]any, *sql.Predicate) {
	p.SetDialect(dialect.Postgres)
	text, args := p.Query()
	in := regexp.MustCompile(regexp.QuoteMeta(col)+` IN \(\$\d+(?:, \$\d+)*\)`).FindAllStringIndex(text, -1)
	if len(in) != 1 { // none, or more than one: not the shape ent's eager loading writes
		return nil, nil
	}
	// The placeholders appear in the text in the order of args.
	all := placeholder.FindAllStringIndex(text, -1)
	if len(all) != len(args) {
		return nil, nil
	}
	var keys []any
	for i, ph := range all {
		if ph[0] >= in[0][0] && ph[1] <= in[0][1] {
			keys = append(keys, args[i])
		}
	}
	rest := sql.P(func(b *sql.Builder) {
		// In parentheses: the rest may be an OR, and an AND follows.
		b.WriteByte('(')
		at, replaced := 0, false
		for i, ph := range all {
			if ph[0] >= in[0][0] && ph[1] <= in[0][1] {
				continue
			}
			if !replaced && ph[0] > in[0][0] { // the IN term lies before this placeholder
				b.WriteString(text[at:in[0][0]]).WriteString("TRUE")
				at, replaced = in[0][1], true
			}
			b.WriteString(text[at:ph[0]]).Arg(args[i])
			at = ph[1]
		}
		if !replaced {
			b.WriteString(text[at:in[0][0]]).WriteString("TRUE")
			at = in[0][1]
		}
		b.WriteString(text[at:]).WriteByte(')')
	})
	return keys, rest
}
