package ledger

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/customerwhitelist"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/predicate"
	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/audit"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/stepup"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Coupons (DOMAIN.md §4). A quota's balance and each coupon's are ledger accounts: issuing is a
// journal from the quota to the coupon, a reclaim the reverse, so the ledger's guarantees (entries
// sum to zero, no negative balance, one effect per key) hold for coupons too.

// IssueRequest is a batch issue of coupons (发放券).
type IssueRequest struct {
	IdempotencyKey   string
	QuotaID          gid.ID
	CustomerIDs      []gid.ID
	FaceValue        money.Money
	ValidFrom        *time.Time
	ValidUntil       *time.Time
	Limits           []Limit
	Designated       bool
	Remark           string
	VerificationCode *string
}

// ownQuota reads one of the viewer's partner's own quotas through its privacy rules,
// share-locked (a concurrent freeze waits for the issue), with its limits.
func ownQuota(ctx context.Context, c *ent.Client, id gid.ID) (*ent.CouponQuota, error) {
	v := viewer.FromContext(ctx)
	if !rule.MayIssueCoupons(v, "") && !rule.MayPassQuotaToResellers(v) {
		return nil, apperr.New(apperr.Forbidden, "only a partner's admin issues and reclaims coupons")
	}
	q, err := c.CouponQuota.Query().Where(couponquota.ID(id), predicate.CouponQuota(dbx.ForShare)).WithLimits().Only(ctx)
	if ent.IsNotFound(err) || (err == nil && q.PartnerID != v.PartnerID) {
		return nil, apperr.BadInput("quotaID", "no quota of yours with this ID")
	}
	return q, err
}

// issuable refuses a quota that cannot issue coupons now.
func issuable(ctx context.Context, q *ent.CouponQuota) error {
	v := viewer.FromContext(ctx)
	switch {
	case !rule.MayIssueCoupons(v, q.Kind):
		return apperr.Refuse(apperr.BadUserInput, "KIND_NOT_ALLOWED", "a %s partner does not issue %s coupons", v.PartnerKind, q.Kind)
	case q.Status != couponquota.StatusNORMAL:
		return apperr.Refuse(apperr.BadUserInput, "QUOTA_NOT_NORMAL", "the quota is %s: it cannot issue", q.Status)
	case !q.ValidUntil.After(Now()):
		return apperr.Refuse(apperr.BadUserInput, "QUOTA_EXPIRED", "the quota expired on %s", q.ValidUntil.Format(time.DateOnly))
	}
	return nil
}

// issueTargets reads the customers of a batch issue through the viewer's privacy rules and says
// per customer why it may not get a coupon of q (nil: it may).
func issueTargets(ctx context.Context, c *ent.Client, q *ent.CouponQuota, ids []gid.ID) ([]*apperr.Error, error) {
	found, err := c.Customer.Query().Where(customer.IDIn(ids...), predicate.Customer(dbx.ForShare)).
		Select(customer.FieldPartnerID, customer.FieldAssociationType).All(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[gid.ID]*ent.Customer{}
	for _, cu := range found {
		byID[cu.ID] = cu
	}
	listed := map[gid.ID]bool{}
	gov := rule.IssuesOnlyToWhitelist(viewer.FromContext(ctx))
	if gov {
		wl, err := c.CustomerWhitelist.Query().Where(customerwhitelist.PartnerID(q.PartnerID), customerwhitelist.CustomerIDIn(ids...)).All(ctx)
		if err != nil {
			return nil, err
		}
		for _, w := range wl {
			listed[w.CustomerID] = true
		}
	}
	out := make([]*apperr.Error, len(ids))
	for i, id := range ids {
		cu := byID[id]
		switch {
		case cu == nil:
			out[i] = apperr.New(apperr.NotFound, "no customer with this ID")
		case cu.PartnerID == nil || *cu.PartnerID != q.PartnerID:
			out[i] = apperr.Refuse(apperr.BadUserInput, "NOT_ASSOCIATED", "the customer is not associated with you")
		case gov && !listed[id]:
			out[i] = apperr.Refuse(apperr.BadUserInput, "NOT_WHITELISTED", "the customer is not on your customer whitelist")
		case !gov && q.Kind == couponquota.KindVOUCHER && *cu.AssociationType != customer.AssociationTypeRESALE:
			out[i] = apperr.Refuse(apperr.BadUserInput, "ADVISORY_CUSTOMER", "vouchers go to resale customers only")
		}
	}
	return out, nil
}

// coupons is what issueCoupons writes: one coupon per customer, all alike.
type couponSpec struct {
	kind       couponquota.Kind
	faceValue  money.Money
	from, to   time.Time
	limits     Limits
	designated bool
	remark     string
}

// IssueCoupons issues coupons of a quota to up to 100 customers (发放券): all or nothing, answered
// per customer (Rows: the customer, and the coupon made for it in Object).
func (l *Ledger) IssueCoupons(ctx context.Context, req IssueRequest) (*Outcome, error) {
	if err := CheckAmount("faceValue", req.FaceValue); err != nil {
		return nil, err
	}
	if err := checkBatch("customerIDs", req.CustomerIDs); err != nil {
		return nil, err
	}
	if len([]rune(req.Remark)) > 500 {
		return nil, apperr.BadInput("remark", "at most 500 characters")
	}
	limits, err := NormalizeLimits("limits", req.Limits)
	if err != nil {
		return nil, err
	}
	plan := planned(len(req.CustomerIDs))
	plan.Rows = make([]RowOutcome, len(req.CustomerIDs))
	for i, id := range req.CustomerIDs {
		plan.Rows[i] = RowOutcome{ID: id, OK: true, JournalID: plan.JournalIDs[i], Object: gid.New(gid.PrefixCoupon)}
	}
	args := []any{req.QuotaID, req.CustomerIDs, req.FaceValue.String(), req.ValidFrom, req.ValidUntil, limits, req.Designated, strings.TrimSpace(req.Remark)}
	return l.run(ctx, "issue-coupons", req.IdempotencyKey, args, plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		q, err := ownQuota(ctx, c, req.QuotaID)
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.QuotaID, err)
		}
		spec := couponSpec{kind: q.Kind, faceValue: req.FaceValue, designated: req.Designated, remark: strings.TrimSpace(req.Remark)}
		if err := issuable(ctx, q); err != nil {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.QuotaID, err)
		}
		if req.Designated && q.Kind != couponquota.KindCASH {
			return nil, apperr.BadInput("designated", "only cash coupons are designated to a customer")
		}
		if spec.from, spec.to, err = validity(req.ValidFrom, req.ValidUntil, q); err != nil {
			return nil, err
		}
		if spec.limits, err = Within("limits", limits, limitsOf(q.Edges.Limits)); err != nil {
			return nil, err
		}
		if err := stepup.Check(ctx, c, "issuing coupons", req.VerificationCode); err != nil {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.QuotaID, err)
		}
		refusals, err := issueTargets(ctx, c, q, req.CustomerIDs)
		if err != nil {
			return nil, err
		}
		out := &Outcome{Rows: slices.Clone(plan.Rows)}
		if failRows(out, refusals) {
			return out, refuseBatch(ctx, c, auditlog.ActionCOUPON_ISSUE, out)
		}
		if err := issue(ctx, c, q, spec, plan, out, req.IdempotencyKey); err != nil {
			if e, ok := apperr.As(err); ok {
				failAll(out, e)
				return out, refuseBatch(ctx, c, auditlog.ActionCOUPON_ISSUE, out)
			}
			return nil, err
		}
		return out, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionCOUPON_ISSUE, TargetType: "CouponQuota", TargetID: q.ID,
			Detail: "issued " + strconv.Itoa(len(req.CustomerIDs)) + " coupons of " + req.FaceValue.String()})
	})
}

// issue writes the planned coupons (plan.Rows: customer and coupon IDs), their limits, accounts,
// journals from the quota and records. A quota short of the batch total refuses it all.
func issue(ctx context.Context, c *ent.Client, q *ent.CouponQuota, spec couponSpec, plan *Outcome, out *Outcome, key string) error {
	n := len(plan.Rows)
	total := money.FromFen(spec.faceValue.Fen() * int64(n))
	accs, err := lockOwners(ctx, c, QuotaBalance(q.ID))
	if err != nil {
		return err
	}
	if accs[0].Balance.Cmp(total) < 0 {
		return apperr.Refuse(apperr.BadUserInput, "INSUFFICIENT_QUOTA", "the quota's balance (%s) is less than the batch total (%s)", accs[0].Balance, total)
	}
	now := Now()
	v := viewer.FromContext(ctx)
	coupons := make([]*ent.CouponCreate, n)
	ids := make([]gid.ID, n)
	accounts := make([]*ent.AccountCreate, n)
	for i, row := range plan.Rows {
		cc := c.Coupon.Create().SetID(row.Object).SetKind(coupon.Kind(spec.kind)).SetQuotaID(q.ID).SetPartnerID(q.PartnerID).
			SetCustomerID(row.ID).SetFaceValue(spec.faceValue).SetValidFrom(spec.from).SetValidUntil(spec.to).SetCreatedAt(now).SetUpdatedAt(now)
		if spec.designated {
			cc.SetDesignatedCustomerID(row.ID)
		}
		if spec.remark != "" {
			cc.SetRemark(spec.remark)
		}
		coupons[i] = cc
		ids[i] = row.Object
		o := CouponBalance(row.Object)
		accounts[i] = c.Account.Create().SetKind(o.Kind).SetOwnerKey(o.Key()).SetCouponID(row.Object).SetCreatedAt(now)
	}
	if err := c.Coupon.CreateBulk(coupons...).Exec(sys(ctx)); err != nil {
		return err
	}
	if err := createLimits(ctx, c, spec.limits, func(lc *ent.CouponLimitCreate, id gid.ID) { lc.SetCouponID(id) }, ids...); err != nil {
		return err
	}
	couponAccs, err := c.Account.CreateBulk(accounts...).Save(sys(ctx))
	if err != nil {
		return err
	}
	postings := make([]posting, n)
	for i, row := range plan.Rows {
		postings[i] = posting{journalSpec{id: row.JournalID, kind: journal.KindCOUPON_ISSUE, amount: spec.faceValue, key: key},
			[]leg{{accs[0], money.Zero.Sub(spec.faceValue)}, {couponAccs[i], spec.faceValue}}}
	}
	js, err := post(ctx, c, postings...)
	if err != nil {
		return err
	}
	records := make([]*ent.CouponRecordCreate, n)
	for i, row := range plan.Rows {
		records[i] = recordCreate(c, v, couponrecord.TypeISSUED, spec.faceValue, q.PartnerID, q.ID, now).
			SetCouponID(row.Object).SetCustomerID(row.ID).SetJournalID(js[i].ID)
		out.JournalIDs = append(out.JournalIDs, js[i].ID)
	}
	return c.CouponRecord.CreateBulk(records...).Exec(sys(ctx))
}

// recordCreate is a coupon record's builder, its operator the viewer (none for a job).
func recordCreate(c *ent.Client, v *viewer.Viewer, typ couponrecord.Type, amount money.Money, partnerID, quotaID gid.ID, now time.Time) *ent.CouponRecordCreate {
	r := c.CouponRecord.Create().SetType(typ).SetAmount(amount).SetPartnerID(partnerID).SetQuotaID(quotaID).SetCreatedAt(now)
	if v != nil && v.UserID != "" {
		r.SetOperatorID(v.UserID).SetOperatorName(v.DisplayName)
	} else {
		r.SetOperatorName("system")
	}
	return r
}

// ReissueRequest re-issues a reclaimed coupon to a customer.
type ReissueRequest struct {
	IdempotencyKey   string
	CouponID         gid.ID
	CustomerID       gid.ID
	VerificationCode *string
}

// ReissueCoupon issues a new coupon like a reclaimed one (same quota, face value, validity, limits
// and remark) to a customer; a designated cash coupon only to its designated customer.
func (l *Ledger) ReissueCoupon(ctx context.Context, req ReissueRequest) (*Outcome, error) {
	plan := planned(1)
	plan.Rows = []RowOutcome{{ID: req.CustomerID, OK: true, JournalID: plan.JournalIDs[0], Object: gid.New(gid.PrefixCoupon)}}
	return l.run(ctx, "reissue-coupon", req.IdempotencyKey, []any{req.CouponID, req.CustomerID}, plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		v := viewer.FromContext(ctx)
		old, err := c.Coupon.Query().Where(coupon.ID(req.CouponID), coupon.PartnerID(v.PartnerID)).WithLimits().Only(ctx)
		if ent.IsNotFound(err) {
			err = apperr.BadInput("couponID", "no coupon of yours with this ID")
		}
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.CouponID, err)
		}
		switch {
		case old.Status != coupon.StatusRECLAIMED:
			err = apperr.Refuse(apperr.BadUserInput, "NOT_RECLAIMED", "only a reclaimed coupon is re-issued (this one is %s)", old.Status)
		case old.DesignatedCustomerID != nil && *old.DesignatedCustomerID != req.CustomerID:
			err = apperr.Refuse(apperr.BadUserInput, "DESIGNATED_CUSTOMER", "this cash coupon is designated to another customer: it is re-issued only to that customer")
		}
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.CouponID, err)
		}
		q, err := ownQuota(ctx, c, old.QuotaID)
		if err == nil {
			err = issuable(ctx, q)
		}
		if err == nil {
			err = stepup.Check(ctx, c, "issuing coupons", req.VerificationCode)
		}
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.CouponID, err)
		}
		refusals, err := issueTargets(ctx, c, q, []gid.ID{req.CustomerID})
		if err != nil {
			return nil, err
		}
		if refusals[0] != nil {
			e := *refusals[0]
			e.Field = "customerID"
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.CouponID, &e)
		}
		spec := couponSpec{kind: q.Kind, faceValue: old.FaceValue, from: old.ValidFrom, to: old.ValidUntil, limits: limitsOf(old.Edges.Limits),
			designated: old.DesignatedCustomerID != nil}
		if old.Remark != nil {
			spec.remark = *old.Remark
		}
		if !spec.to.After(Now()) {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.CouponID, apperr.Refuse(apperr.BadUserInput, "COUPON_EXPIRED", "the coupon's validity has ended"))
		}
		out := &Outcome{Rows: slices.Clone(plan.Rows)}
		if err := issue(ctx, c, q, spec, plan, out, req.IdempotencyKey); err != nil {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_ISSUE, req.CouponID, err)
		}
		return out, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionCOUPON_ISSUE, TargetType: "Coupon", TargetID: old.ID,
			Detail: "re-issued as " + string(plan.Rows[0].Object)})
	})
}

// ReclaimRequest reclaims usable coupons by hand (回收券).
type ReclaimRequest struct {
	IdempotencyKey   string
	CouponIDs        []gid.ID
	Reason           string
	VerificationCode *string
}

// ReclaimCoupons takes the whole remaining balance of each coupon back to its quota: up to 100,
// all or nothing; Rows give the amount actually reclaimed per coupon.
func (l *Ledger) ReclaimCoupons(ctx context.Context, req ReclaimRequest) (*Outcome, error) {
	if err := checkBatch("couponIDs", req.CouponIDs); err != nil {
		return nil, err
	}
	if err := checkReason(req.Reason); err != nil {
		return nil, err
	}
	plan := planned(len(req.CouponIDs))
	plan.Rows = make([]RowOutcome, len(req.CouponIDs))
	for i, id := range req.CouponIDs {
		plan.Rows[i] = RowOutcome{ID: id, OK: true, JournalID: plan.JournalIDs[i]}
	}
	return l.run(ctx, "reclaim-coupons", req.IdempotencyKey, []any{req.CouponIDs, strings.TrimSpace(req.Reason)}, plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		v := viewer.FromContext(ctx)
		if !rule.MayIssueCoupons(v, "") {
			return nil, apperr.New(apperr.Forbidden, "only a partner's admin issues and reclaims coupons")
		}
		if err := stepup.Check(ctx, c, "reclaiming coupons", req.VerificationCode); err != nil {
			return nil, refuse(ctx, c, auditlog.ActionCOUPON_RECLAIM, "", err)
		}
		found, err := c.Coupon.Query().Where(coupon.IDIn(req.CouponIDs...), predicate.Coupon(dbx.ForUpdate)).Order(ent.Asc(coupon.FieldID)).All(ctx)
		if err != nil {
			return nil, err
		}
		byID := map[gid.ID]*ent.Coupon{}
		for _, cp := range found {
			byID[cp.ID] = cp
		}
		out := &Outcome{Rows: slices.Clone(plan.Rows)}
		refusals := make([]*apperr.Error, len(req.CouponIDs))
		list := make([]*ent.Coupon, len(req.CouponIDs))
		for i, id := range req.CouponIDs {
			list[i] = byID[id]
			if list[i] == nil || list[i].PartnerID != v.PartnerID {
				refusals[i] = apperr.New(apperr.NotFound, "no coupon of yours with this ID")
			} else {
				refusals[i] = reclaimable(list[i])
			}
		}
		if failRows(out, refusals) {
			return out, refuseBatch(ctx, c, auditlog.ActionCOUPON_RECLAIM, out)
		}
		amounts, err := reclaim(ctx, c, list, couponrecord.TypeRECLAIMED_BY_HAND, req.Reason, plan.JournalIDs, req.IdempotencyKey)
		if e, ok := apperr.As(err); ok {
			failAll(out, e)
			return out, refuseBatch(ctx, c, auditlog.ActionCOUPON_RECLAIM, out)
		}
		if err != nil {
			return nil, err
		}
		total := money.Zero
		for i := range out.Rows {
			out.Rows[i].Amount = amounts[i]
			total = total.Add(amounts[i])
		}
		out.JournalIDs, out.learned = plan.JournalIDs, true
		return out, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionCOUPON_RECLAIM, Reason: req.Reason,
			Detail: "reclaimed " + strconv.Itoa(len(list)) + " coupons, " + total.String() + " in all"})
	})
}

// reclaimable refuses a coupon that is not usable (used up, expired, reclaimed) or that an order
// holds.
func reclaimable(cp *ent.Coupon) *apperr.Error {
	switch {
	case cp.Status != coupon.StatusUSABLE:
		return apperr.Refuse(apperr.BadUserInput, "COUPON_NOT_USABLE", "only usable coupons are reclaimed; this one is %s", cp.Status)
	case !cp.ValidUntil.After(Now()):
		return apperr.Refuse(apperr.BadUserInput, "COUPON_NOT_USABLE", "only usable coupons are reclaimed; this one expired on %s", cp.ValidUntil.Format(time.DateOnly))
	case cp.HeldByOrderID != nil:
		return apperr.Refuse(apperr.BadUserInput, "HELD_BY_ORDER", "an order holds this coupon until it is paid, cancelled or expires")
	}
	return nil
}

// reclaim moves each coupon's whole remaining balance back to its quota, marks it (RECLAIMED, or
// EXPIRED for an expiry) and writes its record of typ; journalIDs are planned IDs or nil. It
// answers the amounts. A reclaim by hand refuses a coupon with nothing left (someone spent or
// reclaimed it meanwhile); the automatic ones just mark it.
func reclaim(ctx context.Context, c *ent.Client, list []*ent.Coupon, typ couponrecord.Type, reason string, journalIDs []gid.ID, key string) ([]money.Money, error) {
	owners := make([]Owner, 0, 2*len(list))
	for _, cp := range list {
		owners = append(owners, CouponBalance(cp.ID), QuotaBalance(cp.QuotaID))
	}
	accs, err := lockOwners(ctx, c, owners...)
	if err != nil {
		return nil, err
	}
	now := Now()
	v := viewer.FromContext(ctx)
	amounts := make([]money.Money, len(list))
	var postings []posting
	var ids []gid.ID
	for i, cp := range list {
		from, to := accs[2*i], accs[2*i+1]
		amounts[i] = from.Balance
		if !amounts[i].IsPositive() {
			if typ != couponrecord.TypeRECLAIMED_BY_HAND {
				continue
			}
			return nil, apperr.Refuse(apperr.BadUserInput, "COUPON_NOT_USABLE", "the coupon has no balance left")
		}
		spec := journalSpec{kind: journal.KindCOUPON_RECLAIM, amount: amounts[i], key: key, reason: string(typ)}
		if journalIDs != nil {
			spec.id = journalIDs[i]
		}
		postings = append(postings, posting{spec, []leg{{from, money.Zero.Sub(amounts[i])}, {to, amounts[i]}}})
		ids = append(ids, cp.ID)
	}
	var js []*ent.Journal
	if len(postings) > 0 {
		if js, err = post(ctx, c, postings...); err != nil {
			return nil, err
		}
	}
	journalOf := map[gid.ID]gid.ID{}
	for i, j := range js {
		journalOf[ids[i]] = j.ID
	}
	status := coupon.StatusRECLAIMED
	if typ == couponrecord.TypeRECLAIMED_ON_EXPIRY {
		status = coupon.StatusEXPIRED
	}
	all := make([]gid.ID, len(list))
	records := make([]*ent.CouponRecordCreate, len(list))
	for i, cp := range list {
		all[i] = cp.ID
		r := recordCreate(c, v, typ, amounts[i], cp.PartnerID, cp.QuotaID, now).SetCouponID(cp.ID).SetCustomerID(cp.CustomerID)
		if reason != "" {
			r.SetReason(reason)
		}
		if j, ok := journalOf[cp.ID]; ok {
			r.SetJournalID(j)
		}
		records[i] = r
	}
	if err := c.Coupon.Update().Where(coupon.IDIn(all...)).SetStatus(status).SetUpdatedAt(now).Exec(sys(ctx)); err != nil {
		return nil, err
	}
	return amounts, c.CouponRecord.CreateBulk(records...).Exec(sys(ctx))
}

// ReclaimCustomerCoupons is what the association flows call inside their own transaction: the
// usable coupons of a customer that match (issued by issuer, when given; of kinds, when given)
// go back to their quotas with a record of typ. It answers how many were reclaimed.
func ReclaimCustomerCoupons(ctx context.Context, c *ent.Client, customerID, issuer gid.ID, kinds []coupon.Kind, typ couponrecord.Type) (int, error) {
	where := []predicate.Coupon{coupon.CustomerID(customerID), coupon.StatusEQ(coupon.StatusUSABLE), predicate.Coupon(dbx.ForUpdate)}
	if issuer != "" {
		where = append(where, coupon.PartnerID(issuer))
	}
	if len(kinds) > 0 {
		where = append(where, coupon.KindIn(kinds...))
	}
	list, err := c.Coupon.Query().Where(where...).Order(ent.Asc(coupon.FieldID)).All(sys(ctx))
	if err != nil || len(list) == 0 {
		return 0, err
	}
	if _, err := reclaim(ctx, c, list, typ, "", nil, ""); err != nil {
		return 0, err
	}
	return len(list), audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionCOUPON_AUTO_RECLAIM, TargetType: "Customer", TargetID: customerID,
		PartnerID: list[0].PartnerID, Detail: string(typ) + ": " + strconv.Itoa(len(list)) + " coupons"})
}

// ExpireCoupons is the expiry job's one round (record type 4): usable coupons whose validity has
// passed become EXPIRED and what is left of them returns to their quotas; quotas past their
// validity become INVALID. Coupons are taken in rounds of at most batch; it answers how many
// coupons it expired. Two instances running it at once take each coupon once (the rows are
// locked and re-checked).
func ExpireCoupons(ctx context.Context, client *ent.Client, batch int) (int, error) {
	ctx = viewer.SystemContext(ctx)
	total := 0
	for {
		n, err := expireRound(ctx, client, batch)
		total += n
		if err != nil || n < batch {
			return total, err
		}
	}
}

func expireRound(ctx context.Context, client *ent.Client, batch int) (n int, err error) {
	tx, err := client.Tx(ctx)
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	c := tx.Client()
	now := Now()
	list, err := c.Coupon.Query().Where(coupon.StatusEQ(coupon.StatusUSABLE), coupon.ValidUntilLTE(now), predicate.Coupon(dbx.ForUpdate)).
		Order(ent.Asc(coupon.FieldID)).Limit(batch).All(ctx)
	if err != nil {
		return 0, err
	}
	if len(list) > 0 {
		if _, err = reclaim(ctx, c, list, couponrecord.TypeRECLAIMED_ON_EXPIRY, "", nil, ""); err != nil {
			return 0, err
		}
	}
	if err = c.CouponQuota.Update().Where(couponquota.StatusIn(couponquota.StatusNORMAL, couponquota.StatusFROZEN, couponquota.StatusADJUSTING),
		couponquota.ValidUntilLTE(now)).SetStatus(couponquota.StatusINVALID).SetUpdatedAt(now).Exec(ctx); err != nil {
		return 0, err
	}
	return len(list), tx.Commit()
}

// checkBatch refuses an empty, too long or repetitive list of IDs.
func checkBatch(field string, ids []gid.ID) error {
	if len(ids) == 0 || len(ids) > MaxBatch {
		return apperr.BadInput(field, "give 1 to %d", MaxBatch)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(ids)))) != len(ids) {
		return apperr.BadInput(field, "an ID is listed twice")
	}
	return nil
}

// failRows marks the rows refused (non-nil) and the others NOT_ATTEMPTED; it reports whether any
// was refused.
func failRows(out *Outcome, refusals []*apperr.Error) bool {
	failed := false
	for i, e := range refusals {
		if e != nil {
			out.Rows[i] = RowOutcome{ID: out.Rows[i].ID, Code: string(e.Code), Reason: e.Reason, Message: e.Message}
			failed = true
		}
	}
	if failed {
		out.Failed = true
		for i := range out.Rows {
			if out.Rows[i].OK {
				out.Rows[i] = RowOutcome{ID: out.Rows[i].ID, Code: "NOT_ATTEMPTED", Message: "not done: another of the batch was refused"}
			}
		}
	}
	return failed
}

// failAll refuses every row for one reason (the batch as a whole, e.g. INSUFFICIENT_QUOTA).
func failAll(out *Outcome, e *apperr.Error) {
	out.Failed = true
	for i := range out.Rows {
		out.Rows[i] = RowOutcome{ID: out.Rows[i].ID, Code: string(e.Code), Reason: e.Reason, Message: e.Message}
	}
}
