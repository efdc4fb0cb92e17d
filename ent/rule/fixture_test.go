package rule_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/account"
	"github.com/partnercenter/partnercenter/ent/apikey"
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/associationevent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponlimit"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/product"
	"github.com/partnercenter/partnercenter/ent/resellerapplication"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// fixture is a small world with one row of every kind a rule tells apart, named so that a
// table reads like the world:
//
//	Partner A (solution provider): admin adminA, supervisor supA, managers mgrA (under supA)
//	  and mgrA2; customers a1 (mgrA's; its user cuser), a2 (mgrA2's), a3 (nobody's), a4
//	  (supA's own); customer "free" has left A (its association asFree ended, its event evFree
//	  stays), and a1 came from Partner B (event evOldA1).
//	Partner B (solution provider): admin adminB, customer b1.
//	Distributor D: admin adminD, customer d1; its cloud resellers R (admin adminR, customer r1)
//	  and R2 (admin adminR2, customer r21). R was approved (appR), R2's application is pending.
//	The platform operator plat. Associations as<Customer>, events ev<Customer>, manager
//	assignments ma<Customer>, cash accounts cash<Partner>, allocated accounts alloc<Customer>,
//	journals j<...> whose entries are named journal/account.
//	Coupons: quotas q<Partner> (qR and qR2 issued out of qD), coupons cp<Customer> (A's to a1,
//	a2, a3; B's to b1; R's to r1), limits lim<Owner>, whitelist entries wl<Customer> (A's a1,
//	B's b1, D's d1, R's r1), records rec<...>, and the balances bal<Quota or Coupon>.
type fixture struct {
	client  *ent.Client
	id      map[string]gid.ID
	name    map[gid.ID]string
	viewers map[string]*viewer.Viewer
}

func (fx *fixture) add(name string, id gid.ID) gid.ID {
	if _, dup := fx.id[name]; dup {
		panic("fixture name used twice: " + name)
	}
	fx.id[name], fx.name[id] = id, name
	return id
}

// names are the fixture names of ids, sorted; an ID the fixture did not make shows as such.
func (fx *fixture) names(ids []gid.ID) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		n, ok := fx.name[id]
		if !ok {
			n = "unknown:" + string(id)
		}
		out[i] = n
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func newFixture(t *testing.T, c *ent.Client) *fixture {
	t.Helper()
	fx := &fixture{client: c, id: map[string]gid.ID{}, name: map[gid.ID]string{}, viewers: map[string]*viewer.Viewer{}}
	ctx := sys(context.Background())
	id := func(name string) gid.ID {
		v, ok := fx.id[name]
		if !ok {
			t.Fatalf("fixture: no %s yet", name)
		}
		return v
	}
	opt := func(name string) *gid.ID {
		if name == "" {
			return nil
		}
		v := id(name)
		return &v
	}

	for _, p := range []struct {
		name string
		kind partner.Kind
		dist string
	}{
		{"A", partner.KindSOLUTION_PROVIDER, ""}, {"B", partner.KindSOLUTION_PROVIDER, ""},
		{"D", partner.KindDISTRIBUTOR, ""}, {"R", partner.KindCLOUD_RESELLER, "D"}, {"R2", partner.KindCLOUD_RESELLER, "D"},
	} {
		fx.add(p.name, c.Partner.Create().SetName("Partner "+p.name).SetKind(p.kind).SetNillableDistributorID(opt(p.dist)).SaveX(ctx).ID)
	}
	newUser := func(name string, role user.Role, partnerName, customerName, supervisorName string) {
		fx.add(name, c.User.Create().SetEmail(strings.ToLower(name)+"@example.com").SetDisplayName(name).
			SetPasswordHash("not-a-hash").SetRole(role).SetNillablePartnerID(opt(partnerName)).
			SetNillableCustomerID(opt(customerName)).SetNillableSupervisorID(opt(supervisorName)).SaveX(ctx).ID)
	}
	newUser("plat", user.RolePLATFORM_OPERATOR, "", "", "")
	newUser("adminA", user.RolePARTNER_ADMIN, "A", "", "")
	newUser("supA", user.RoleSUPERVISOR, "A", "", "")
	newUser("mgrA", user.RoleCUSTOMER_MANAGER, "A", "", "supA")
	newUser("mgrA2", user.RoleCUSTOMER_MANAGER, "A", "", "")
	newUser("adminB", user.RolePARTNER_ADMIN, "B", "", "")
	newUser("adminD", user.RolePARTNER_ADMIN, "D", "", "")
	newUser("adminR", user.RolePARTNER_ADMIN, "R", "", "")
	newUser("adminR2", user.RolePARTNER_ADMIN, "R2", "", "")

	for i, cu := range []struct{ name, partner, manager string }{
		{"a1", "A", "mgrA"}, {"a2", "A", "mgrA2"}, {"a3", "A", ""}, {"a4", "A", "supA"}, {"free", "", ""},
		{"b1", "B", ""}, {"d1", "D", ""}, {"r1", "R", ""}, {"r21", "R2", ""},
	} {
		q := c.Customer.Create().SetAccountName(cu.name + "_acct").SetName("Customer " + cu.name).
			SetMobile(fmt.Sprintf("0086-139000000%02d", i)).SetEmail(cu.name + "@customer.example").
			SetNillablePartnerID(opt(cu.partner)).SetNillableManagerID(opt(cu.manager))
		if cu.partner != "" {
			q.SetAssociationType(customer.AssociationTypeRESALE).SetAssociatedAt(time.Now())
		}
		fx.add(cu.name, q.SaveX(ctx).ID)
	}
	newUser("cuser", user.RoleCUSTOMER, "", "a1", "")

	for _, a := range []struct{ customer, partner string }{
		{"a1", "A"}, {"a2", "A"}, {"a3", "A"}, {"a4", "A"}, {"free", "A"}, {"b1", "B"}, {"d1", "D"}, {"r1", "R"}, {"r21", "R2"},
	} {
		q := c.Association.Create().SetCustomerID(id(a.customer)).SetPartnerID(id(a.partner)).SetType(association.TypeRESALE)
		if a.customer == "free" {
			q.SetStatus(association.StatusENDED).SetEndedAt(time.Now())
		}
		fx.add("as"+strings.ToUpper(a.customer[:1])+a.customer[1:], q.SaveX(ctx).ID)
	}
	for _, e := range []struct{ name, customer, partner string }{
		{"evA1", "a1", "A"}, {"evA2", "a2", "A"}, {"evFree", "free", "A"}, {"evB1", "b1", "B"},
		{"evR1", "r1", "R"}, {"evOldA1", "a1", "B"},
	} {
		fx.add(e.name, c.AssociationEvent.Create().SetCustomerID(id(e.customer)).SetPartnerID(id(e.partner)).
			SetKind(associationevent.KindASSOCIATED).SetInitiator(associationevent.InitiatorPARTNER).SaveX(ctx).ID)
	}
	for _, m := range []struct{ name, customer, partner, manager string }{
		{"maA1", "a1", "A", "mgrA"}, {"maA2", "a2", "A", "mgrA2"}, {"maB1", "b1", "B", ""}, {"maR1", "r1", "R", ""},
	} {
		fx.add(m.name, c.ManagerAssignment.Create().SetCustomerID(id(m.customer)).SetPartnerID(id(m.partner)).
			SetNillableManagerID(opt(m.manager)).SaveX(ctx).ID)
	}
	for _, l := range []struct{ name, actor, partner, actingFor string }{
		{"logA", "adminA", "A", ""}, {"logSupA", "supA", "A", ""}, {"logMgrA", "mgrA", "A", ""},
		{"logCust", "cuser", "", ""}, {"logB", "adminB", "B", ""}, {"logD", "adminD", "D", "R"},
		{"logR", "adminR", "R", ""}, {"logPlat", "plat", "", ""},
	} {
		fx.add(l.name, c.AuditLog.Create().SetAction(auditlog.ActionLOGIN).SetActorID(id(l.actor)).
			SetNillablePartnerID(opt(l.partner)).SetNillableActingForID(opt(l.actingFor)).SaveX(ctx).ID)
	}
	for _, a := range []struct {
		name, reseller string
		status         resellerapplication.Status
	}{{"appR", "R", resellerapplication.StatusAPPROVED}, {"appR2", "R2", resellerapplication.StatusPENDING}} {
		fx.add(a.name, c.ResellerApplication.Create().SetResellerID(id(a.reseller)).SetDistributorID(id("D")).
			SetStatus(a.status).SaveX(ctx).ID)
	}

	// The ledger: the EXTERNAL account exists from the start (ledger.Init).
	fx.add("ext", c.Account.Query().Where(account.KindEQ(account.KindEXTERNAL)).OnlyIDX(ctx))
	for _, p := range []string{"A", "B", "D", "R", "R2"} {
		fx.add("cash"+p, c.Account.Create().SetKind(account.KindPARTNER_CASH).SetPartnerID(id(p)).
			SetOwnerKey("PARTNER_CASH:"+string(id(p))).SetBalance(money.FromFen(100000)).SaveX(ctx).ID)
	}
	for _, cu := range []string{"a1", "a2", "b1", "r1"} {
		fx.add("alloc"+strings.ToUpper(cu), c.Account.Create().SetKind(account.KindCUSTOMER_ALLOCATED).SetCustomerID(id(cu)).
			SetOwnerKey("CUSTOMER_ALLOCATED:"+string(id(cu))).SetBalance(money.FromFen(1000)).SaveX(ctx).ID)
	}
	fx.add("ownFree", c.Account.Create().SetKind(account.KindCUSTOMER_OWN).SetCustomerID(id("free")).
		SetOwnerKey("CUSTOMER_OWN:"+string(id("free"))).SaveX(ctx).ID)
	for _, j := range []struct {
		name                            string
		kind                            journal.Kind
		partner, counterparty, customer string
		from, to                        string // the accounts debited and credited
	}{
		{"jRecA", journal.KindRECHARGE, "A", "", "", "ext", "cashA"},
		{"jA1", journal.KindALLOCATE, "A", "", "a1", "cashA", "allocA1"},
		{"jA2", journal.KindALLOCATE, "A", "", "a2", "cashA", "allocA2"},
		{"jB1", journal.KindALLOCATE, "B", "", "b1", "cashB", "allocB1"},
		{"jDR", journal.KindALLOCATE, "D", "R", "", "cashD", "cashR"},
		{"jR1", journal.KindALLOCATE, "R", "", "r1", "cashR", "allocR1"},
	} {
		amount := money.FromFen(100)
		jid := fx.add(j.name, c.Journal.Create().SetKind(j.kind).SetTransactionNo("T-"+j.name).SetAmount(amount).
			SetNillablePartnerID(opt(j.partner)).SetNillableCounterpartyPartnerID(opt(j.counterparty)).
			SetNillableCustomerID(opt(j.customer)).SaveX(ctx).ID)
		for acc, amt := range map[string]money.Money{j.from: money.Zero.Sub(amount), j.to: amount} {
			fx.add(j.name+"/"+acc, c.LedgerEntry.Create().SetJournalID(jid).SetAccountID(id(acc)).
				SetAmount(amt).SetBalanceAfter(money.FromFen(1000)).SaveX(ctx).ID)
		}
	}
	// Coupons.
	from, until := time.Now(), time.Now().AddDate(1, 0, 0)
	for _, q := range []struct{ name, partner, parent string }{
		{"qA", "A", ""}, {"qB", "B", ""}, {"qD", "D", ""}, {"qR", "R", "qD"}, {"qR2", "R2", "qD"},
	} {
		fx.add(q.name, c.CouponQuota.Create().SetKind(couponquota.KindVOUCHER).SetPartnerID(id(q.partner)).
			SetNillableParentQuotaID(opt(q.parent)).SetValue(money.FromFen(100000)).
			SetValidFrom(from).SetValidUntil(until).SaveX(ctx).ID)
	}
	for _, cp := range []struct{ name, quota, partner, customer string }{
		{"cpA1", "qA", "A", "a1"}, {"cpA2", "qA", "A", "a2"}, {"cpA3", "qA", "A", "a3"},
		{"cpB1", "qB", "B", "b1"}, {"cpR1", "qR", "R", "r1"},
	} {
		fx.add(cp.name, c.Coupon.Create().SetKind(coupon.KindVOUCHER).SetQuotaID(id(cp.quota)).
			SetPartnerID(id(cp.partner)).SetCustomerID(id(cp.customer)).SetFaceValue(money.FromFen(1000)).
			SetValidFrom(from).SetValidUntil(until).SetRemark("issuer's note").SaveX(ctx).ID)
	}
	for _, l := range []struct{ name, quota, coupon string }{
		{"limQA", "qA", ""}, {"limCpA1", "", "cpA1"}, {"limCpA2", "", "cpA2"}, {"limQR", "qR", ""},
	} {
		fx.add(l.name, c.CouponLimit.Create().SetNillableQuotaID(opt(l.quota)).SetNillableCouponID(opt(l.coupon)).
			SetLimitKey(couponlimit.LimitKeyORDER_TYPES).SetValue("NEW,RENEWAL").SaveX(ctx).ID)
	}
	for _, w := range []struct{ name, partner, customer string }{
		{"wlA1", "A", "a1"}, {"wlB1", "B", "b1"}, {"wlD1", "D", "d1"}, {"wlR1", "R", "r1"},
	} {
		fx.add(w.name, c.CustomerWhitelist.Create().SetPartnerID(id(w.partner)).SetCustomerID(id(w.customer)).SaveX(ctx).ID)
	}
	for _, r := range []struct {
		name             string
		typ              couponrecord.Type
		partner, quota   string
		coupon, customer string
	}{
		{"recQA", couponrecord.TypeQUOTA_GRANTED, "A", "qA", "", ""},
		{"recCpA1", couponrecord.TypeISSUED, "A", "qA", "cpA1", "a1"},
		{"recCpA2", couponrecord.TypeISSUED, "A", "qA", "cpA2", "a2"},
		{"recCpB1", couponrecord.TypeISSUED, "B", "qB", "cpB1", "b1"},
		{"recDR", couponrecord.TypeQUOTA_ISSUED_TO_RESELLER, "D", "qD", "", ""},
		{"recQR", couponrecord.TypeQUOTA_GRANTED, "R", "qR", "", ""},
		{"recCpR1", couponrecord.TypeISSUED, "R", "qR", "cpR1", "r1"},
	} {
		fx.add(r.name, c.CouponRecord.Create().SetType(r.typ).SetAmount(money.FromFen(1000)).SetPartnerID(id(r.partner)).
			SetQuotaID(id(r.quota)).SetNillableCouponID(opt(r.coupon)).SetNillableCustomerID(opt(r.customer)).
			SetOperatorName("fixture").SaveX(ctx).ID)
	}
	for _, b := range []string{"qA", "qR"} {
		fx.add("bal"+strings.ToUpper(b[:1])+b[1:], c.Account.Create().SetKind(account.KindCOUPON_QUOTA).SetQuotaID(id(b)).
			SetOwnerKey("COUPON_QUOTA:"+string(id(b))).SetBalance(money.FromFen(5000)).SaveX(ctx).ID)
	}
	for _, b := range []string{"cpA1", "cpA2", "cpB1"} {
		fx.add("bal"+strings.ToUpper(b[:1])+b[1:], c.Account.Create().SetKind(account.KindCOUPON).SetCouponID(id(b)).
			SetOwnerKey("COUPON:"+string(id(b))).SetBalance(money.FromFen(1000)).SaveX(ctx).ID)
	}

	for _, s := range []struct{ name, user string }{{"sessA", "adminA"}, {"sessCust", "cuser"}} {
		fx.add(s.name, c.Session.Create().SetTokenHash("hash-"+s.name).SetUserID(id(s.user)).
			SetExpiresAt(time.Now().Add(time.Hour)).SaveX(ctx).ID)
	}
	fx.add("vc1", c.VerificationCode.Create().SetPurpose("register").SetTargetHash("t").SetCodeHash("c").
		SetExpiresAt(time.Now().Add(time.Hour)).SaveX(ctx).ID)
	fx.add("idemA", c.IdempotencyRecord.Create().SetScope(string(id("A"))).SetKey("k1").SetOperation("allocate").
		SetRequestHash("h").SetExpiresAt(time.Now().Add(time.Hour)).SaveX(ctx).ID)

	// The catalogue: one service type with an active and a retired product, the same for all.
	fx.add("svtCompute", c.ServiceType.Create().SetCode("compute").SetNameZh("计算").SetNameEn("Compute").SaveX(ctx).ID)
	fx.add("prdSmall", c.Product.Create().SetCode("ecs.small").SetServiceTypeID(id("svtCompute")).
		SetNameZh("小型").SetNameEn("Small").SetBillingModes("SUBSCRIPTION").
		SetOrderTypes("NEW").SetRegions("cn-north-1").SaveX(ctx).ID)
	fx.add("prdOld", c.Product.Create().SetCode("ecs.old").SetServiceTypeID(id("svtCompute")).
		SetNameZh("旧型").SetNameEn("Old").SetBillingModes("ON_DEMAND").
		SetOrderTypes("RENEWAL").SetRegions("").SetStatus(product.StatusRETIRED).SaveX(ctx).ID)

	// Viewers as the server builds them: a login's through ViewerFor, a key's through Authenticate.
	svc := auth.NewService(c, time.Hour)
	for role, name := range map[string]string{
		platform: "plat", admin: "adminA", supervisor: "supA", manager: "mgrA",
		distributor: "adminD", reseller: "adminR", customerUser: "cuser", "adminB": "adminB",
	} {
		v, err := svc.ViewerFor(ctx, c.User.GetX(ctx, id(name)))
		if err != nil {
			t.Fatal(err)
		}
		fx.viewers[role] = v
	}
	for _, k := range []struct {
		name, owner string
		scope       apikey.Scope
	}{{"keyRead", admin, apikey.ScopeREAD}, {"keyRW", admin, apikey.ScopeREAD_WRITE}, {"keyB", "adminB", apikey.ScopeREAD}} {
		key, full, err := svc.CreateAPIKey(viewer.NewContext(context.Background(), fx.viewers[k.owner]), k.name, k.scope)
		if err != nil {
			t.Fatal(err)
		}
		fx.add(k.name, key.ID)
		fx.add("log"+strings.ToUpper(k.name[:1])+k.name[1:], c.AuditLog.Query().
			Where(auditlog.ActionEQ(auditlog.ActionAPI_KEY_CREATED), auditlog.TargetID(key.ID)).OnlyIDX(ctx))
		v, err := svc.Authenticate(context.Background(), full)
		if err != nil || v == nil {
			t.Fatalf("authenticating %s: %v", k.name, err)
		}
		switch k.name {
		case "keyRead":
			fx.viewers[keyRead] = v
		case "keyRW":
			fx.viewers[keyReadWrite] = v
		}
	}
	delete(fx.viewers, "adminB")
	return fx
}
