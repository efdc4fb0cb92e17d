package ledger

import (
	"slices"
	"strconv"
	"strings"

	"github.com/partnercenter/partnercenter/ent"
)

// pgText writes a PostgreSQL statement and its arguments directly, for the few fixed statements
// every posting runs (the accounts' lock with the journal's writes, the entries with the
// balances). ent's builders made the same texts through several layers of small allocations,
// about a quarter of what the server allocated per allocation request; the rows themselves still
// come from ent's create builders (ent.Row), so defaults, validators and column names stay ent's.
// Identifiers are ent's table and column names, quoted; every value is an argument.
type pgText struct {
	b    strings.Builder
	args []any
}

// newPGText is an empty statement with room for the longest of them (about 1.5 kB and 40
// arguments), so that writing one does not grow its buffers step by step.
func newPGText() *pgText {
	t := &pgText{args: make([]any, 0, 48)}
	t.b.Grow(2048)
	return t
}

func (t *pgText) str(s string) *pgText {
	t.b.WriteString(s)
	return t
}

func (t *pgText) ident(name string) *pgText {
	t.b.WriteByte('"')
	t.b.WriteString(name)
	t.b.WriteByte('"')
	return t
}

// arg adds v as the next argument and writes its placeholder.
func (t *pgText) arg(v any) *pgText {
	t.args = append(t.args, v)
	t.b.WriteByte('$')
	t.b.WriteString(strconv.Itoa(len(t.args)))
	return t
}

// idents writes a parenthesised, comma-separated list of names.
func (t *pgText) idents(names []string) *pgText {
	t.b.WriteByte('(')
	for i, n := range names {
		if i > 0 {
			t.b.WriteString(", ")
		}
		t.ident(n)
	}
	t.b.WriteByte(')')
	return t
}

// args writes a parenthesised list of placeholders for vs.
func (t *pgText) argList(vs []any) *pgText {
	t.b.WriteByte('(')
	for i, v := range vs {
		if i > 0 {
			t.b.WriteString(", ")
		}
		t.arg(v)
	}
	t.b.WriteByte(')')
	return t
}

// insert writes an INSERT of rows into their table; they must all set the same columns.
func (t *pgText) insert(rows ...ent.Row) error {
	t.str("INSERT INTO ").ident(rows[0].Table).str(" ").idents(rows[0].Columns).str(" VALUES ")
	for i, r := range rows {
		if !slices.Equal(r.Columns, rows[0].Columns) {
			return ledgerError("ledger: the rows of one INSERT set different columns")
		}
		if i > 0 {
			t.str(", ")
		}
		t.argList(r.Values)
	}
	return nil
}

func (t *pgText) String() string { return t.b.String() }
