// Package demo loads the demo world into an empty database: the platform, one partner of each
// kind (a distributor with two cloud resellers), an unrelated solution provider, customers in
// both association types, and the demo users listed in the README (password Demo@12345).
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/couponlimit"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Password is the password of every demo user.
const Password = "Demo@12345"

// Users lists the demo logins, as the README does.
var Users = []struct{ Email, Role, Of string }{
	{"platform@example.com", "PLATFORM_OPERATOR", "the platform"},
	{"sp.admin@example.com", "PARTNER_ADMIN", "Demo SP"},
	{"sp.supervisor@example.com", "SUPERVISOR", "Demo SP"},
	{"sp.manager@example.com", "CUSTOMER_MANAGER", "Demo SP"},
	{"dist.admin@example.com", "PARTNER_ADMIN", "Demo Distributor"},
	{"reseller.admin@example.com", "PARTNER_ADMIN", "Demo Reseller East"},
	{"other.admin@example.com", "PARTNER_ADMIN", "Other SP"},
	{"customer@example.com", "CUSTOMER", "a resale customer of Demo SP"},
}

// LoadIfEmpty loads the demo world when the database has no users yet; it reports whether it did.
func LoadIfEmpty(ctx context.Context, client *ent.Client) (bool, error) {
	ctx = viewer.SystemContext(ctx)
	n, err := client.User.Query().Count(ctx)
	if err != nil || n > 0 {
		return false, err
	}
	tx, err := client.Tx(ctx)
	if err != nil {
		return false, err
	}
	if err := load(ctx, tx.Client()); err != nil {
		_ = tx.Rollback()
		return false, err
	}
	return true, tx.Commit()
}

var surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
var givenNames = []string{"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "晓东", "建华", "丽华", "志强"}
var companies = []string{"科技有限公司", "信息技术有限公司", "网络科技有限公司", "数据服务有限公司", "软件有限公司"}
var cities = [][2]string{{"110000", "110100"}, {"310000", "310100"}, {"440000", "440300"}, {"330000", "330100"}, {"510000", "510100"}, {"420000", "420100"}}
var labels = []string{"重点客户", "新客户", "教育", "互联网", "制造业"}

type world struct {
	ctx  context.Context
	c    *ent.Client
	now  time.Time
	hash string
	seq  int
}

func load(ctx context.Context, c *ent.Client) error {
	h, err := auth.HashPassword(Password)
	if err != nil {
		return err
	}
	w := &world{ctx: ctx, c: c, now: time.Now().UTC().Truncate(time.Second), hash: h}
	mk := func(name string, kind partner.Kind, dist *ent.Partner, program, level string, verified bool, credit string) (*ent.Partner, error) {
		q := c.Partner.Create().SetName(name).SetKind(kind).SetProgramName(program).SetProgramLevel(level).
			SetBusinessVerified(verified).SetCreditLimit(money.MustParse(credit))
		if dist != nil {
			q.SetDistributorID(dist.ID)
		}
		return q.Save(ctx)
	}
	sp, err := mk("Demo SP", partner.KindSOLUTION_PROVIDER, nil, "解决方案伙伴计划", "金牌", true, "50000.00")
	if err != nil {
		return err
	}
	dist, err := mk("Demo Distributor", partner.KindDISTRIBUTOR, nil, "分销伙伴计划", "总经销商", true, "200000.00")
	if err != nil {
		return err
	}
	resEast, err := mk("Demo Reseller East", partner.KindCLOUD_RESELLER, dist, "分销伙伴计划", "云经销商", true, "0.00")
	if err != nil {
		return err
	}
	resWest, err := mk("Demo Reseller West", partner.KindCLOUD_RESELLER, dist, "分销伙伴计划", "云经销商", false, "0.00")
	if err != nil {
		return err
	}
	resNorth, err := mk("Demo Reseller North", partner.KindCLOUD_RESELLER, nil, "分销伙伴计划", "云经销商", false, "0.00")
	if err != nil {
		return err
	}
	// North has no distributor yet: it has applied to Demo Distributor, which has not decided.
	if err := c.ResellerApplication.Create().SetResellerID(resNorth.ID).SetDistributorID(dist.ID).
		SetMessage("希望成为贵司的云经销商 / We would like to resell with you").Exec(ctx); err != nil {
		return err
	}
	gov, err := mk("Demo Gov Subsidy", partner.KindGOV_SUBSIDY, nil, "政府补贴伙伴计划", "标准", true, "0.00")
	if err != nil {
		return err
	}
	govCloud, err := mk("Demo Gov Cloud", partner.KindGOV_CLOUD, nil, "政务云伙伴计划", "标准", true, "0.00")
	if err != nil {
		return err
	}
	other, err := mk("Other SP", partner.KindSOLUTION_PROVIDER, nil, "解决方案伙伴计划", "银牌", true, "10000.00")
	if err != nil {
		return err
	}

	if _, err := w.user("platform@example.com", "平台运营", user.RolePLATFORM_OPERATOR, nil, nil, nil); err != nil {
		return err
	}
	if _, err := w.user("sp.admin@example.com", "Demo SP 管理员", user.RolePARTNER_ADMIN, &sp.ID, nil, nil); err != nil {
		return err
	}
	sup, err := w.user("sp.supervisor@example.com", "Demo SP 主管", user.RoleSUPERVISOR, &sp.ID, nil, nil)
	if err != nil {
		return err
	}
	mgr, err := w.user("sp.manager@example.com", "Demo SP 客户经理", user.RoleCUSTOMER_MANAGER, &sp.ID, nil, &sup.ID)
	if err != nil {
		return err
	}
	for _, x := range []struct {
		email, name string
		p           *ent.Partner
	}{
		{"dist.admin@example.com", "Demo Distributor 管理员", dist},
		{"reseller.admin@example.com", "Demo Reseller East 管理员", resEast},
		{"reseller.west@example.com", "Demo Reseller West 管理员", resWest},
		{"reseller.north@example.com", "Demo Reseller North 管理员", resNorth},
		{"gov.admin@example.com", "Demo Gov Subsidy 管理员", gov},
		{"govcloud.admin@example.com", "Demo Gov Cloud 管理员", govCloud},
		{"other.admin@example.com", "Other SP 管理员", other},
	} {
		if _, err := w.user(x.email, x.name, user.RolePARTNER_ADMIN, &x.p.ID, nil, nil); err != nil {
			return err
		}
	}

	spCustomers, err := w.customers(ctx, sp, 60, mgr, 12)
	if err != nil {
		return err
	}
	for _, x := range []struct {
		p *ent.Partner
		n int
	}{{resEast, 12}, {resWest, 8}, {gov, 6}, {govCloud, 6}, {other, 10}} {
		if _, err := w.customers(ctx, x.p, x.n, nil, 0); err != nil {
			return err
		}
	}
	if err := w.money(ctx, []*ent.Partner{sp, dist, resEast, resWest, resNorth, gov, govCloud, other}, spCustomers, dist, resEast); err != nil {
		return err
	}
	// The customer's own user belongs to the first resale customer of Demo SP.
	var resale *ent.Customer
	for _, cu := range spCustomers {
		if cu.AssociationType != nil && *cu.AssociationType == customer.AssociationTypeRESALE {
			resale = cu
			break
		}
	}
	if _, err = w.user("customer@example.com", "Demo 客户", user.RoleCUSTOMER, nil, &resale.ID, nil); err != nil {
		return err
	}
	if err := catalogue(ctx, c); err != nil {
		return err
	}
	return w.coupons(ctx, sp, dist, gov, govCloud, spCustomers)
}

// coupons grants the demo partners quotas (DOMAIN.md §4) and issues a few coupons: Demo SP's
// first three resale customers (the demo customer user's among them) hold a voucher of 200.00
// with an issuer's remark, and the government partners have customers on their whitelists.
func (w *world) coupons(ctx context.Context, sp, dist, gov, govCloud *ent.Partner, spCustomers []*ent.Customer) error {
	from, until := w.now.AddDate(0, -1, 0), w.now.AddDate(1, 0, 0)
	type grant struct {
		p      *ent.Partner
		kind   couponquota.Kind
		value  string
		limits ledger.Limits
	}
	for i, g := range []grant{
		{sp, couponquota.KindVOUCHER, "50000.00", nil},
		{sp, couponquota.KindVOUCHER, "10000.00", ledger.Limits{couponlimit.LimitKeySERVICE_TYPES: "compute,storage", couponlimit.LimitKeyMIN_ORDER_AMOUNT: "100.00"}},
		{dist, couponquota.KindVOUCHER, "100000.00", nil},
		{gov, couponquota.KindVOUCHER, "20000.00", nil},
		{gov, couponquota.KindCASH, "30000.00", ledger.Limits{couponlimit.LimitKeyMAX_ORDER_SHARE: "50"}},
		{govCloud, couponquota.KindPICKUP, "40000.00", ledger.Limits{couponlimit.LimitKeyMAX_ORDER_SHARE: "30", couponlimit.LimitKeyORDER_TYPES: "NEW,RENEWAL"}},
	} {
		id, err := ledger.SeedQuota(ctx, w.c, g.p.ID, g.kind, money.MustParse(g.value), from, until, g.limits)
		if err != nil {
			return err
		}
		if i == 0 {
			var resale []gid.ID
			for _, cu := range spCustomers {
				if *cu.AssociationType == customer.AssociationTypeRESALE && len(resale) < 3 {
					resale = append(resale, cu.ID)
				}
			}
			if err := ledger.SeedCoupons(ctx, w.c, id, money.MustParse("200.00"), "演示备注：年末促销", resale...); err != nil {
				return err
			}
		}
	}
	for _, p := range []*ent.Partner{gov, govCloud} {
		cs, err := w.c.Customer.Query().Where(customer.PartnerID(p.ID)).Order(ent.Asc(customer.FieldID)).Limit(3).IDs(ctx)
		if err != nil {
			return err
		}
		for _, id := range cs {
			if err := w.c.CustomerWhitelist.Create().SetPartnerID(p.ID).SetCustomerID(id).Exec(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *world) user(email, name string, role user.Role, partnerID, customerID, supervisorID *gid.ID) (*ent.User, error) {
	return w.c.User.Create().SetEmail(email).SetDisplayName(name).SetPasswordHash(w.hash).SetRole(role).
		SetNillablePartnerID(partnerID).SetNillableCustomerID(customerID).SetNillableSupervisorID(supervisorID).
		Save(w.ctx)
}

// customers creates n customers of p (alternating resale and advisory), their associations, and
// assigns the first `assigned` of them to mgr.
func (w *world) customers(ctx context.Context, p *ent.Partner, n int, mgr *ent.User, assigned int) ([]*ent.Customer, error) {
	creates := make([]*ent.CustomerCreate, n)
	for i := range n {
		w.seq++
		s := w.seq
		var name string
		if s%3 == 0 {
			name = fmt.Sprintf("%s%s%s", string(surnames[s%len(surnames)]), "云", companies[s%len(companies)])
		} else {
			name = string(surnames[s%len(surnames)]) + givenNames[(s*7)%len(givenNames)]
		}
		typ := customer.AssociationTypeRESALE
		if i%2 == 1 {
			typ = customer.AssociationTypeADVISORY
		}
		created := w.now.AddDate(0, 0, -(n-i)*3)
		city := cities[s%len(cities)]
		cc := w.c.Customer.Create().
			SetAccountName(fmt.Sprintf("demo_c%04d", s)).
			SetName(name).
			SetMobile(fmt.Sprintf("0086-139%08d", 10000000+s*7919)).
			SetEmail(fmt.Sprintf("customer%04d@example.com", s)).
			SetProvinceCode(city[0]).SetCityCode(city[1]).
			SetPartnerID(p.ID).SetAssociationType(typ).SetAssociatedAt(created.Add(time.Hour)).
			SetCreatedAt(created).SetUpdatedAt(created)
		if s%4 == 0 {
			cc.SetLabel(labels[s%len(labels)])
		}
		if typ == customer.AssociationTypeRESALE {
			cc.SetGracePeriodDays(1)
		}
		if mgr != nil && i < assigned {
			cc.SetManagerID(mgr.ID)
		}
		creates[i] = cc
	}
	cs, err := w.c.Customer.CreateBulk(creates...).Save(ctx)
	if err != nil {
		return nil, err
	}
	acs := make([]*ent.AssociationCreate, len(cs))
	for i, cu := range cs {
		acs[i] = w.c.Association.Create().SetCustomerID(cu.ID).SetPartnerID(p.ID).
			SetType(associationType(*cu.AssociationType)).SetSince(*cu.AssociatedAt)
	}
	if _, err := w.c.Association.CreateBulk(acs...).Save(ctx); err != nil {
		return nil, err
	}
	return cs, nil
}

// money opens every account and gives the demo partners balances, some allocations to Demo SP's
// resale customers, a distributor's allocation to a reseller, and one advisory customer a
// recharged balance of its own (which stops it from switching to resale until it withdraws).
func (w *world) money(ctx context.Context, partners []*ent.Partner, spCustomers []*ent.Customer, dist, reseller *ent.Partner) error {
	c := w.c
	owners := []ledger.Owner{}
	for _, p := range partners {
		owners = append(owners, ledger.PartnerCash(p.ID))
	}
	ids, err := c.Customer.Query().IDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		owners = append(owners, ledger.CustomerOwn(id), ledger.CustomerAllocated(id))
	}
	if err := ledger.EnsureAccounts(ctx, c, owners...); err != nil {
		return err
	}
	recharge := map[*ent.Partner]string{partners[0]: "100000.00", dist: "500000.00", partners[len(partners)-1]: "20000.00"}
	for p, amt := range recharge {
		if err := ledger.Seed(ctx, c, journal.KindRECHARGE, money.MustParse(amt), ledger.External(), ledger.PartnerCash(p.ID), p.ID, ""); err != nil {
			return err
		}
	}
	if err := ledger.Seed(ctx, c, journal.KindALLOCATE, money.MustParse("50000.00"), ledger.PartnerCash(dist.ID), ledger.PartnerCash(reseller.ID), dist.ID, ""); err != nil {
		return err
	}
	n, ownDone := 0, false
	for _, cu := range spCustomers {
		switch {
		case *cu.AssociationType == customer.AssociationTypeRESALE && n < 10:
			n++
			amt := money.FromFen(int64(n) * 100_000) // 1000.00, 2000.00, ...
			if err := ledger.Seed(ctx, c, journal.KindALLOCATE, amt, ledger.PartnerCash(*cu.PartnerID), ledger.CustomerAllocated(cu.ID), *cu.PartnerID, cu.ID); err != nil {
				return err
			}
		case *cu.AssociationType == customer.AssociationTypeADVISORY && !ownDone:
			ownDone = true
			if err := ledger.Seed(ctx, c, journal.KindRECHARGE, money.MustParse("88.80"), ledger.External(), ledger.CustomerOwn(cu.ID), "", cu.ID); err != nil {
				return err
			}
		}
	}
	return nil
}
