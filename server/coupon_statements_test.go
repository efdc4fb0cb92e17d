package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"

	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/demo"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/testdb"
)

// TestIssueCouponsStatements lists the SQL statements (with their argument counts, and their
// arguments with COUPON_STATEMENTS_ARGS=1) of one issueCoupons request of 100 vouchers on
// PostgreSQL: what bench/coupons/pgbench.sql runs on pgbench's side. Re-capture after changing
// the ledger's statements:
//
//	go test ./server -run TestIssueCouponsStatements -v
func TestIssueCouponsStatements(t *testing.T) {
	rec := &argRecorder{}
	d := testdb.Open(t, "postgres", db.Options{Driver: rec.wrap})
	if _, err := demo.LoadIfEmpty(context.Background(), d.Client); err != nil {
		t.Fatalf("demo data: %v", err)
	}
	s := &testServer{DB: d, tokens: map[string]string{}}
	s.Server = newTestHTTP(t, d)
	// 100 resale customers of Demo SP (the demo world has about 30).
	sp := s.partnerID(t, "Demo SP")
	ids := make([]any, 100)
	for i := range ids {
		cu := d.Client.Customer.Create().SetAccountName(fmt.Sprintf("stmt_c%03d", i)).SetName(fmt.Sprintf("Statement customer %d", i)).
			SetMobile(fmt.Sprintf("0086-1390000%04d", i)).SetEmail(fmt.Sprintf("stmt%03d@example.com", i)).SetProvinceCode("110000").SetCityCode("110100").
			SetPartnerID(sp).SetAssociationType(customer.AssociationTypeRESALE).SetAssociatedAt(time.Now()).SaveX(sys())
		ids[i] = string(cu.ID)
	}
	if n := d.Client.Customer.Query().Where(customer.HasPartnerWith(partner.Name("Demo SP")), customer.AssociationTypeEQ(customer.AssociationTypeRESALE)).CountX(sys()); n < 100 {
		t.Fatalf("%d resale customers", n)
	}
	q := s.grant(t, "Demo SP", "VOUCHER", "100000000.00")
	admin := s.login(t, "sp.admin@example.com")
	rec.reset()
	r := s.post(t, admin, `mutation($q:ID!,$ids:[ID!]!,$k:String!){ issueCoupons(input:{quotaID:$q, customerIDs:$ids, faceValue:"1.00"}, idempotencyKey:$k){ succeeded failed userErrors { code } } }`,
		map[string]any{"q": string(q), "ids": ids, "k": "stmt-" + string(gid.New("K"))})
	if dig(r.Data, "issueCoupons", "succeeded") != float64(100) {
		t.Fatalf("issue: %s", r.Raw)
	}
	showArgs := os.Getenv("COUPON_STATEMENTS_ARGS") != ""
	width := 400 // the statements in full with the arguments
	if showArgs {
		width = 1 << 20
	}
	for i, st := range rec.list() {
		q := st.q
		if len(q) > width {
			q = q[:width] + "..."
		}
		t.Logf("%2d (%d args, %d rows): %s", i+1, len(st.args), strings.Count(st.q, "), (")+1, q)
		if showArgs {
			t.Logf("   args: %v", st.args)
		}
	}
}

// newTestHTTP serves the whole stack on d, as newTestServerWith does.
func newTestHTTP(t *testing.T, d *db.DB) *httptest.Server {
	cfg := testConfig()
	cfg.SPADir = t.TempDir()
	srv := httptest.NewServer(NewHTTPHandler(cfg, d, newLogger("text", &syncBuffer{}), Deps{}))
	t.Cleanup(srv.Close)
	return srv
}

type stmt struct {
	q    string
	args []any
}

// argRecorder keeps each statement sent through the ent driver with its arguments.
type argRecorder struct {
	mu  sync.Mutex
	log []stmt
}

func (r *argRecorder) wrap(d dialect.Driver) dialect.Driver { return &recDriver{Driver: d, r: r} }
func (r *argRecorder) reset()                               { r.mu.Lock(); r.log = nil; r.mu.Unlock() }
func (r *argRecorder) list() []stmt {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]stmt(nil), r.log...)
}
func (r *argRecorder) add(q string, args any) {
	a, _ := args.([]any)
	r.mu.Lock()
	r.log = append(r.log, stmt{strings.Join(strings.Fields(q), " "), a})
	r.mu.Unlock()
}

type recDriver struct {
	dialect.Driver
	r *argRecorder
}

func (d *recDriver) Exec(ctx context.Context, q string, args, v any) error {
	d.r.add(q, args)
	return d.Driver.Exec(ctx, q, args, v)
}

func (d *recDriver) Query(ctx context.Context, q string, args, v any) error {
	d.r.add(q, args)
	return d.Driver.Query(ctx, q, args, v)
}

func (d *recDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	d.r.add("BEGIN", nil)
	return &recTx{Tx: tx, r: d.r}, nil
}

type recTx struct {
	dialect.Tx
	r *argRecorder
}

func (t *recTx) Exec(ctx context.Context, q string, args, v any) error {
	t.r.add(q, args)
	return t.Tx.Exec(ctx, q, args, v)
}

func (t *recTx) Query(ctx context.Context, q string, args, v any) error {
	t.r.add(q, args)
	return t.Tx.Query(ctx, q, args, v)
}

func (t *recTx) Commit() error   { t.r.add("COMMIT", nil); return t.Tx.Commit() }
func (t *recTx) Rollback() error { t.r.add("ROLLBACK", nil); return t.Tx.Rollback() }
