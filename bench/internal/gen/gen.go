// Package gen loads a deterministic synthetic world into PostgreSQL through the project's own
// schema (the server's migrations), with COPY: at scale factor 1, 1,000 partners, 100,000
// customers and 1,000,000 ledger entries (500,000 allocation journals); SF10 is ten times that.
// The same seed gives the same rows, IDs included.
package gen

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/lib/pq"
	"github.com/oklog/ulid/v2"

	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/db"
)

// Sizes of a world at a scale factor.
type Sizes struct{ Partners, Customers, Journals int }

// At returns the sizes at scale factor sf.
func At(sf float64) Sizes {
	return Sizes{Partners: max(1, int(1000*sf)), Customers: max(1, int(100_000*sf)), Journals: max(1, int(500_000*sf))}
}

// Stats says what was loaded.
type Stats struct {
	Sizes
	Entries  int
	Duration time.Duration
}

type ids struct {
	r    *rand.Rand
	seed *rand.ChaCha8
}

func (g *ids) next(prefix string, t time.Time) string {
	u := ulid.MustNew(ulid.Timestamp(t), g.seed)
	return prefix + "_" + u.String()
}

// Password is every generated user's password.
const Password = "Bench@12345"

// Load migrates the database at url and fills it. Platform user: bench.platform@example.com;
// partner i's admin: bench.admin<i>@example.com.
func Load(ctx context.Context, url string, sf float64, seed uint64) (Stats, error) {
	start := time.Now()
	d, err := db.Open(ctx, url, db.Options{})
	if err != nil {
		return Stats{}, err
	}
	d.Close()
	sqldb, err := sql.Open("postgres", url)
	if err != nil {
		return Stats{}, err
	}
	defer sqldb.Close()
	sz := At(sf)
	var cs [32]byte
	for i := range 8 {
		cs[i] = byte(seed >> (8 * i))
	}
	g := &ids{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), seed: rand.NewChaCha8(cs)}
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return Stats{}, err
	}
	tx, err := sqldb.BeginTx(ctx, nil)
	if err != nil {
		return Stats{}, err
	}
	defer tx.Rollback()
	copyRows := func(table string, cols []string, n int, row func(i int) []any) error {
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = pq.QuoteIdentifier(c)
		}
		st, err := tx.Prepare("COPY " + pq.QuoteIdentifier(table) + " (" + strings.Join(quoted, ", ") + ") FROM STDIN")
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			if _, err := st.Exec(row(i)...); err != nil {
				return fmt.Errorf("%s row %d: %w", table, i, err)
			}
		}
		if _, err := st.Exec(); err != nil {
			return err
		}
		return st.Close()
	}
	kinds := []string{"SOLUTION_PROVIDER", "SOLUTION_PROVIDER", "DISTRIBUTOR", "CLOUD_RESELLER", "CLOUD_RESELLER", "GOV_SUBSIDY", "GOV_CLOUD"}
	partners := make([]string, sz.Partners)
	partnerAt := make([]time.Time, sz.Partners)
	for i := range partners {
		partnerAt[i] = base.Add(time.Duration(i) * time.Minute)
		partners[i] = g.next("ptr", partnerAt[i])
	}
	if err := copyRows("partners", []string{"id", "created_at", "updated_at", "name", "kind", "program_name", "program_level", "business_verified", "credit_limit", "require_step_up"}, sz.Partners, func(i int) []any {
		return []any{partners[i], partnerAt[i], partnerAt[i], fmt.Sprintf("Bench Partner %04d", i), kinds[i%len(kinds)], "伙伴计划", "金牌", true, int64(0), false}
	}); err != nil {
		return Stats{}, err
	}
	users := make([]string, sz.Partners+1)
	for i := range users {
		users[i] = g.next("usr", base)
	}
	if err := copyRows("users", []string{"id", "created_at", "updated_at", "email", "display_name", "password_hash", "role", "partner_id", "totp_last_step"}, len(users), func(i int) []any {
		if i == sz.Partners {
			return []any{users[i], base, base, "bench.platform@example.com", "Bench platform", hash, "PLATFORM_OPERATOR", nil, int64(0)}
		}
		return []any{users[i], base, base, fmt.Sprintf("bench.admin%d@example.com", i), fmt.Sprintf("Admin %d", i), hash, "PARTNER_ADMIN", partners[i], int64(0)}
	}); err != nil {
		return Stats{}, err
	}
	customers := make([]string, sz.Customers)
	custPartner := make([]int, sz.Customers)
	custAt := make([]time.Time, sz.Customers)
	for i := range customers {
		custAt[i] = base.Add(time.Duration(i) * 30 * time.Second)
		customers[i] = g.next("cus", custAt[i])
		custPartner[i] = i % sz.Partners
	}
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
	if err := copyRows("customers", []string{"id", "created_at", "updated_at", "account_name", "name", "mobile", "email", "province_code", "city_code", "partner_id", "association_type", "associated_at", "grace_period_days", "frozen"}, sz.Customers, func(i int) []any {
		typ := "RESALE"
		if i%3 == 0 {
			typ = "ADVISORY"
		}
		return []any{customers[i], custAt[i], custAt[i], fmt.Sprintf("bc%07d", i), string(surnames[i%len(surnames)]) + "客户" + fmt.Sprint(i),
			fmt.Sprintf("0086-1%010d", 3000000000+i), fmt.Sprintf("c%07d@bench.example.com", i), "110000", "110100",
			partners[custPartner[i]], typ, custAt[i], int64(1), false}
	}); err != nil {
		return Stats{}, err
	}
	if err := copyRows("associations", []string{"id", "created_at", "updated_at", "type", "status", "since", "customer_id", "partner_id"}, sz.Customers, func(i int) []any {
		typ := "RESALE"
		if i%3 == 0 {
			typ = "ADVISORY"
		}
		return []any{g.next("asc", custAt[i]), custAt[i], custAt[i], typ, "ACTIVE", custAt[i], customers[i], partners[custPartner[i]]}
	}); err != nil {
		return Stats{}, err
	}
	// Accounts: EXTERNAL exists (db.Open made it); one cash account per partner, two per customer.
	var external string
	if err := tx.QueryRowContext(ctx, `SELECT id FROM accounts WHERE owner_key = 'EXTERNAL'`).Scan(&external); err != nil {
		return Stats{}, err
	}
	cash := make([]string, sz.Partners)
	alloc := make([]string, sz.Customers)
	for i := range cash {
		cash[i] = g.next("acc", partnerAt[i])
	}
	for i := range alloc {
		alloc[i] = g.next("acc", custAt[i])
	}
	// Journals: one recharge per partner, then allocations to its resale customers.
	type jrow struct {
		id, partner, customer string
		kind                  string
		amount                int64
		at                    time.Time
	}
	js := make([]jrow, 0, sz.Journals)
	balance := map[string]int64{}
	type erow struct {
		id, account, journal string
		amount, after        int64
		at                   time.Time
	}
	es := make([]erow, 0, 2*sz.Journals)
	addJournal := func(kind string, amount int64, at time.Time, fromAcc, toAcc, partner, customer string) {
		id := g.next("jnl", at)
		js = append(js, jrow{id: id, partner: partner, customer: customer, kind: kind, amount: amount, at: at})
		balance[fromAcc] -= amount
		es = append(es, erow{g.next("ent", at), fromAcc, id, -amount, balance[fromAcc], at})
		balance[toAcc] += amount
		es = append(es, erow{g.next("ent", at), toAcc, id, amount, balance[toAcc], at})
	}
	perPartner := 1_000_000_000 * int64(1+sz.Journals/sz.Partners) // enough for every allocation
	for i := range partners {
		addJournal("RECHARGE", perPartner, partnerAt[i], external, cash[i], partners[i], "")
	}
	for len(js) < sz.Journals {
		c := g.r.IntN(sz.Customers)
		if c%3 == 0 {
			c++ // advisory customers are never adjusted
			if c >= sz.Customers {
				c = 1
			}
		}
		at := custAt[c].Add(time.Duration(g.r.IntN(86400*30)) * time.Second)
		p := custPartner[c]
		addJournal("ALLOCATE", int64(100+g.r.IntN(1_000_000)), at, cash[p], alloc[c], partners[p], customers[c])
	}
	if err := copyRows("accounts", []string{"id", "created_at", "kind", "owner_key", "balance", "updated_at", "partner_id", "customer_id"}, sz.Partners+2*sz.Customers, func(i int) []any {
		if i < sz.Partners {
			return []any{cash[i], partnerAt[i], "PARTNER_CASH", "PARTNER_CASH:" + partners[i], balance[cash[i]], partnerAt[i], partners[i], nil}
		}
		i -= sz.Partners
		if i < sz.Customers {
			return []any{alloc[i], custAt[i], "CUSTOMER_ALLOCATED", "CUSTOMER_ALLOCATED:" + customers[i], balance[alloc[i]], custAt[i], nil, customers[i]}
		}
		i -= sz.Customers
		return []any{g.next("acc", custAt[i]), custAt[i], "CUSTOMER_OWN", "CUSTOMER_OWN:" + customers[i], int64(0), custAt[i], nil, customers[i]}
	}); err != nil {
		return Stats{}, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, balance[external], external); err != nil {
		return Stats{}, err
	}
	if err := copyRows("journals", []string{"id", "created_at", "kind", "transaction_no", "amount", "partner_id", "customer_id", "operator_name", "reason"}, len(js), func(i int) []any {
		j := js[i]
		var cust any
		if j.customer != "" {
			cust = j.customer
		}
		return []any{j.id, j.at, j.kind, "TB" + j.id[4:], j.amount, j.partner, cust, "bench", ""}
	}); err != nil {
		return Stats{}, err
	}
	if err := copyRows("ledger_entries", []string{"id", "created_at", "amount", "balance_after", "account_id", "journal_id"}, len(es), func(i int) []any {
		e := es[i]
		return []any{e.id, e.at, e.amount, e.after, e.account, e.journal}
	}); err != nil {
		return Stats{}, err
	}
	if err := tx.Commit(); err != nil {
		return Stats{}, err
	}
	if _, err := sqldb.ExecContext(ctx, `ANALYZE`); err != nil {
		return Stats{}, err
	}
	return Stats{Sizes: sz, Entries: len(es), Duration: time.Since(start)}, nil
}
