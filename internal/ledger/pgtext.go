package ledger

import (
	"slices"
	"strconv"
	"sync"

	"github.com/partnercenter/partnercenter/ent"
)

// pgText writes a PostgreSQL statement and its arguments directly, for the few fixed statements
// every posting runs (the accounts' lock with the journal's writes, the entries with the
// balances). ent's builders made the same texts through several layers of small allocations,
// about a quarter of what the server allocated per allocation request; the rows themselves still
// come from ent's create builders (ent.Row), so defaults, validators and column names stay ent's.
// Identifiers are ent's table and column names, quoted; every value is an argument.
//
// A statement's text is the same for every posting of a shape, so the texts are interned
// (pgTexts): writing one into a reused buffer and finding it there allocates nothing.
type pgText struct {
	b    []byte
	args []any
}

var pgTextPool = sync.Pool{New: func() any {
	// room for the longest statement (about 1.5 kB and 40 arguments)
	return &pgText{b: make([]byte, 0, 2048), args: make([]any, 0, 48)}
}}

// newPGText is an empty statement; free it once the statement has run.
func newPGText() *pgText {
	t := pgTextPool.Get().(*pgText)
	t.b, t.args = t.b[:0], t.args[:0]
	return t
}

// free returns t for reuse (after the statement has run: the driver has its arguments).
func (t *pgText) free() {
	clear(t.args)
	pgTextPool.Put(t)
}

func (t *pgText) str(s string) *pgText {
	t.b = append(t.b, s...)
	return t
}

func (t *pgText) ident(name string) *pgText {
	t.b = append(append(append(t.b, '"'), name...), '"')
	return t
}

// arg adds v as the next argument and writes its placeholder.
func (t *pgText) arg(v any) *pgText {
	t.args = append(t.args, v)
	t.b = strconv.AppendInt(append(t.b, '$'), int64(len(t.args)), 10)
	return t
}

// ref writes the placeholder of argument n again (numbered from 1, as PostgreSQL does): one value
// used in several places is encoded and sent once.
func (t *pgText) ref(n int) *pgText {
	t.b = strconv.AppendInt(append(t.b, '$'), int64(n), 10)
	return t
}

// last is the number of the latest argument (for ref).
func (t *pgText) last() int { return len(t.args) }

// list writes a parenthesised, comma-separated list of n items, each written by item.
func (t *pgText) list(n int, item func(i int)) *pgText {
	t.b = append(t.b, '(')
	for i := range n {
		if i > 0 {
			t.b = append(t.b, ", "...)
		}
		item(i)
	}
	t.b = append(t.b, ')')
	return t
}

// idents writes a parenthesised list of names.
func (t *pgText) idents(names []string) *pgText {
	return t.list(len(names), func(i int) { t.ident(names[i]) })
}

// argList writes a parenthesised list of placeholders for vs.
func (t *pgText) argList(vs []any) *pgText {
	return t.list(len(vs), func(i int) { t.arg(vs[i]) })
}

// argsIn writes a parenthesised list of placeholders for strings (IDs, keys): an IN list.
func argsIn[S ~string](t *pgText, vs []S) *pgText {
	return t.list(len(vs), func(i int) { t.arg(string(vs[i])) })
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

// String is the statement's text, interned.
func (t *pgText) String() string { return pgTexts.intern(t.b) }

// maxTexts bounds the interned texts (a few shapes in practice); past it, texts are copied.
const maxTexts = 256

type textCache struct {
	mu sync.RWMutex
	m  map[string]string
}

var pgTexts = &textCache{m: map[string]string{}}

func (c *textCache) intern(b []byte) string {
	c.mu.RLock()
	s, ok := c.m[string(b)] // (no allocation: the compiler looks up with the bytes)
	c.mu.RUnlock()
	if ok {
		return s
	}
	s = string(b)
	c.mu.Lock()
	if len(c.m) < maxTexts {
		c.m[s] = s
	}
	c.mu.Unlock()
	return s
}

// insertWhere writes an INSERT of one row that happens only if cond holds:
// INSERT INTO table (columns) SELECT $1, $2, ... WHERE cond. (PostgreSQL types the arguments
// by their columns, as it does for VALUES.)
func (t *pgText) insertWhere(r ent.Row, cond string) {
	t.str("INSERT INTO ").ident(r.Table).str(" ").idents(r.Columns).str(" SELECT ")
	for i, v := range r.Values {
		if i > 0 {
			t.str(", ")
		}
		t.arg(v)
	}
	t.str(" WHERE ").str(cond)
}
