package ledger

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/journal"
	"github.com/partnercenter/partnercenter/ent/partner"
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

// Quotas (额度). The platform grants them out of its EXTERNAL account; a distributor passes voucher
// quota to its cloud resellers as child quotas. Every operation answers the quota in Rows[0].Object.

// GrantRequest is the platform's grant of a quota (发放额度).
type GrantRequest struct {
	IdempotencyKey string
	PartnerID      gid.ID
	Kind           couponquota.Kind
	Value          money.Money
	ValidFrom      time.Time
	ValidUntil     time.Time
	Limits         []Limit
	Reason         string
}

func platformOnly(ctx context.Context) error {
	if !rule.MayGrantQuotas(viewer.FromContext(ctx)) {
		return apperr.New(apperr.Forbidden, "only the platform grants and adjusts quotas")
	}
	return nil
}

// GrantQuota makes a quota of a partner and credits it from the platform.
func (l *Ledger) GrantQuota(ctx context.Context, req GrantRequest) (*Outcome, error) {
	if err := platformOnly(ctx); err != nil {
		return nil, err
	}
	if err := CheckAmount("value", req.Value); err != nil {
		return nil, err
	}
	if !req.ValidFrom.Before(req.ValidUntil) || !req.ValidUntil.After(Now()) {
		return nil, apperr.BadInput("validUntil", "the validity must end after it starts, in the future")
	}
	if err := checkReason(req.Reason); err != nil {
		return nil, err
	}
	limits, err := NormalizeLimits("limits", req.Limits)
	if err != nil {
		return nil, err
	}
	plan := planned(1)
	plan.Rows = []RowOutcome{{ID: req.PartnerID, OK: true, JournalID: plan.JournalIDs[0], Object: gid.New(gid.PrefixCouponQuota)}}
	args := []any{req.PartnerID, req.Kind, req.Value.String(), req.ValidFrom, req.ValidUntil, limits, strings.TrimSpace(req.Reason)}
	return l.run(ctx, "grant-quota", req.IdempotencyKey, args, plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		p, err := c.Partner.Query().Where(partner.ID(req.PartnerID)).Only(ctx)
		if ent.IsNotFound(err) {
			err = apperr.BadInput("partnerID", "no partner with this ID")
		} else if err == nil && !rule.GrantedTo(p.Kind, req.Kind) {
			err = apperr.Refuse(apperr.BadUserInput, "KIND_NOT_ALLOWED", "a %s partner is not granted %s quota", p.Kind, req.Kind)
		}
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionQUOTA_GRANT, req.PartnerID, err)
		}
		id := plan.Rows[0].Object
		if err := grant(ctx, c, id, plan.JournalIDs[0], p.ID, req.Kind, req.Value, req.ValidFrom, req.ValidUntil, limits, req.IdempotencyKey, req.Reason); err != nil {
			return nil, err
		}
		out := &Outcome{JournalIDs: plan.JournalIDs, Rows: plan.Rows}
		return out, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionQUOTA_GRANT, TargetType: "Partner", TargetID: p.ID, Reason: req.Reason,
			Detail: string(req.Kind) + " " + req.Value.String() + " " + string(id)})
	})
}

// createLimits writes the same limits for each of the owners (quotas or coupons) in one statement.
// grant writes a platform grant: the quota, its limits, the journal crediting it and its record.
func grant(ctx context.Context, c *ent.Client, id, journalID, partnerID gid.ID, kind couponquota.Kind, value money.Money, from, until time.Time, limits Limits, key, reason string) error {
	now := Now()
	if err := c.CouponQuota.Create().SetID(id).SetKind(kind).SetPartnerID(partnerID).SetValue(value).
		SetValidFrom(from).SetValidUntil(until).SetCreatedAt(now).SetUpdatedAt(now).Exec(sys(ctx)); err != nil {
		return err
	}
	if err := createLimits(ctx, c, limits, func(lc *ent.CouponLimitCreate, id gid.ID) { lc.SetQuotaID(id) }, id); err != nil {
		return err
	}
	if err := quotaJournal(ctx, c, journalID, journal.KindQUOTA_GRANT, value, External(), QuotaBalance(id), key, reason); err != nil {
		return err
	}
	return recordCreate(c, viewer.FromContext(ctx), couponrecord.TypeQUOTA_GRANTED, value, partnerID, id, now).
		SetJournalID(journalID).SetReason(reason).Exec(sys(ctx))
}

// SeedQuota grants a quota outside any request (demo data, benchmarks) and answers its ID.
func SeedQuota(ctx context.Context, c *ent.Client, partnerID gid.ID, kind couponquota.Kind, value money.Money, from, until time.Time, limits Limits) (gid.ID, error) {
	id := gid.New(gid.PrefixCouponQuota)
	return id, grant(ctx, c, id, gid.New(gid.PrefixJournal), partnerID, kind, value, from, until, limits, "", "demo data")
}

// SeedCoupons issues coupons of a quota to customers outside any request (demo data,
// benchmarks), with the quota's limits and validity.
func SeedCoupons(ctx context.Context, c *ent.Client, quotaID gid.ID, faceValue money.Money, remark string, customerIDs ...gid.ID) error {
	q, err := c.CouponQuota.Query().Where(couponquota.ID(quotaID)).WithLimits().Only(sys(ctx))
	if err != nil {
		return err
	}
	plan := planned(len(customerIDs))
	plan.Rows = make([]RowOutcome, len(customerIDs))
	for i, id := range customerIDs {
		plan.Rows[i] = RowOutcome{ID: id, OK: true, JournalID: plan.JournalIDs[i], Object: gid.New(gid.PrefixCoupon)}
	}
	spec := couponSpec{kind: q.Kind, faceValue: faceValue, from: q.ValidFrom, to: q.ValidUntil, limits: limitsOf(q.Edges.Limits), remark: remark}
	return issue(ctx, c, q, spec, plan, &Outcome{}, "")
}

func createLimits(ctx context.Context, c *ent.Client, limits Limits, owner func(*ent.CouponLimitCreate, gid.ID), owners ...gid.ID) error {
	if len(limits) == 0 || len(owners) == 0 {
		return nil
	}
	now := Now()
	var creates []*ent.CouponLimitCreate
	for _, id := range owners {
		for k, v := range limits {
			lc := c.CouponLimit.Create().SetLimitKey(k).SetValue(v).SetCreatedAt(now).SetUpdatedAt(now)
			owner(lc, id)
			creates = append(creates, lc)
		}
	}
	return c.CouponLimit.CreateBulk(creates...).Exec(sys(ctx))
}

// quotaJournal posts one quota movement (no partner or customer on the journal: quota is not
// money, so it stays out of the partners' income and expense statements).
func quotaJournal(ctx context.Context, c *ent.Client, id gid.ID, kind journal.Kind, amount money.Money, from, to Owner, key, reason string) error {
	accs, err := lockOwners(ctx, c, from, to)
	if err != nil {
		return err
	}
	_, err = post(ctx, c, posting{journalSpec{id: id, kind: kind, amount: amount, key: key, reason: reason},
		[]leg{{accs[0], money.Zero.Sub(amount)}, {accs[1], amount}}})
	return err
}

// AdjustRequest changes a granted quota (调整额度).
type AdjustRequest struct {
	IdempotencyKey string
	QuotaID        gid.ID
	Delta          money.Money
	ValidUntil     *time.Time
	Reason         string
}

// platformQuota reads a quota the platform granted, locked for the change.
func platformQuota(ctx context.Context, c *ent.Client, id gid.ID) (*ent.CouponQuota, error) {
	q, err := c.CouponQuota.Query().Where(couponquota.ID(id), predicate.CouponQuota(dbx.ForUpdate)).Only(ctx)
	switch {
	case ent.IsNotFound(err):
		return nil, apperr.BadInput("quotaID", "no quota with this ID")
	case err != nil:
		return nil, err
	case q.ParentQuotaID != nil:
		return nil, apperr.Refuse(apperr.BadUserInput, "NOT_A_PLATFORM_GRANT", "a reseller's quota is its distributor's to change")
	case q.Status == couponquota.StatusINVALID || q.Status == couponquota.StatusRECLAIMED:
		return nil, apperr.Refuse(apperr.BadUserInput, "QUOTA_CLOSED", "the quota is %s: it does not change any more", q.Status)
	}
	return q, nil
}

// AdjustQuota adds delta (negative: takes back, at most the balance) to a quota's value and
// balance, and may move the end of its validity.
func (l *Ledger) AdjustQuota(ctx context.Context, req AdjustRequest) (*Outcome, error) {
	if err := platformOnly(ctx); err != nil {
		return nil, err
	}
	if req.Delta.IsZero() && req.ValidUntil == nil {
		return nil, apperr.BadInput("delta", "give an amount to add or take back, or a new end of validity")
	}
	if err := checkReason(req.Reason); err != nil {
		return nil, err
	}
	n := 0
	if !req.Delta.IsZero() {
		n = 1
	}
	plan := planned(n)
	plan.Rows = []RowOutcome{{ID: req.QuotaID, OK: true, Object: req.QuotaID}}
	return l.run(ctx, "adjust-quota", req.IdempotencyKey, []any{req.QuotaID, req.Delta.String(), req.ValidUntil, strings.TrimSpace(req.Reason)}, plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		q, err := platformQuota(ctx, c, req.QuotaID)
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionQUOTA_ADJUST, req.QuotaID, err)
		}
		value := q.Value.Add(req.Delta)
		if value.IsNegative() {
			return nil, refuse(ctx, c, auditlog.ActionQUOTA_ADJUST, req.QuotaID, apperr.Refuse(apperr.BadUserInput, "OVER_RECLAIM", "at most the quota's value (%s) can be taken back", q.Value))
		}
		upd := c.CouponQuota.UpdateOne(q).SetValue(value).SetUpdatedAt(Now())
		if req.ValidUntil != nil {
			if !req.ValidUntil.After(q.ValidFrom) {
				return nil, apperr.BadInput("validUntil", "the validity must end after it starts")
			}
			upd.SetValidUntil(*req.ValidUntil)
		}
		if err := upd.Exec(sys(ctx)); err != nil {
			return nil, err
		}
		rec := recordCreate(c, viewer.FromContext(ctx), couponrecord.TypeQUOTA_ADJUSTED, req.Delta, q.PartnerID, q.ID, Now()).SetReason(req.Reason)
		if n == 1 {
			from, to, amount := External(), QuotaBalance(q.ID), req.Delta
			if req.Delta.IsNegative() {
				from, to, amount = to, from, money.Zero.Sub(req.Delta)
			}
			err := quotaJournal(ctx, c, plan.JournalIDs[0], journal.KindQUOTA_ADJUST, amount, from, to, req.IdempotencyKey, req.Reason)
			if e, ok := apperr.As(err); ok && e.Reason == "INSUFFICIENT_BALANCE" {
				err = apperr.Refuse(apperr.BadUserInput, "OVER_RECLAIM", "at most the quota's balance can be taken back")
			}
			if err != nil {
				return nil, refuse(ctx, c, auditlog.ActionQUOTA_ADJUST, req.QuotaID, err)
			}
			rec.SetJournalID(plan.JournalIDs[0])
		}
		if err := rec.Exec(sys(ctx)); err != nil {
			return nil, err
		}
		return &Outcome{JournalIDs: plan.JournalIDs, Rows: plan.Rows}, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionQUOTA_ADJUST,
			TargetType: "CouponQuota", TargetID: q.ID, Reason: req.Reason, Detail: "delta " + req.Delta.String()})
	})
}

// SetQuotaStatus freezes, unfreezes, marks adjusting or invalidates a platform grant (INVALID is
// final). The change is a QUOTA_ADJUSTED record of 0.00 whose reason names the new status.
func (l *Ledger) SetQuotaStatus(ctx context.Context, key string, quotaID gid.ID, status couponquota.Status, reason string) (*Outcome, error) {
	if err := platformOnly(ctx); err != nil {
		return nil, err
	}
	if status == couponquota.StatusRECLAIMED {
		return nil, apperr.BadInput("status", "RECLAIMED is what a distributor's reclaim sets")
	}
	if err := checkReason(reason); err != nil {
		return nil, err
	}
	plan := planned(0)
	plan.Rows = []RowOutcome{{ID: quotaID, OK: true, Object: quotaID}}
	return l.run(ctx, "quota-status", key, []any{quotaID, status, strings.TrimSpace(reason)}, plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		q, err := platformQuota(ctx, c, quotaID)
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionQUOTA_STATUS, quotaID, err)
		}
		if err := c.CouponQuota.UpdateOne(q).SetStatus(status).SetUpdatedAt(Now()).Exec(sys(ctx)); err != nil {
			return nil, err
		}
		note := "status " + string(status)
		if strings.TrimSpace(reason) != "" {
			note += ": " + strings.TrimSpace(reason)
		}
		if err := recordCreate(c, viewer.FromContext(ctx), couponrecord.TypeQUOTA_ADJUSTED, money.Zero, q.PartnerID, q.ID, Now()).SetReason(note).Exec(sys(ctx)); err != nil {
			return nil, err
		}
		return plan, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionQUOTA_STATUS, TargetType: "CouponQuota", TargetID: q.ID, Reason: reason,
			Detail: string(q.Status) + " -> " + string(status)})
	})
}

// ResellerQuotaRequest is a distributor's issue of quota to its resellers (发放代金券额度).
type ResellerQuotaRequest struct {
	IdempotencyKey   string
	QuotaID          gid.ID
	ResellerIDs      []gid.ID
	Value            money.Money
	ValidFrom        *time.Time
	ValidUntil       *time.Time
	Reason           string
	VerificationCode *string
}

func distributorOnly(ctx context.Context) error {
	if !rule.MayPassQuotaToResellers(viewer.FromContext(ctx)) {
		return apperr.New(apperr.Forbidden, "only a distributor's admin issues quota to resellers")
	}
	return nil
}

// IssueQuotaToResellers gives each reseller a voucher quota of value out of the distributor's
// quota (with its limits): all or nothing, answered per reseller.
func (l *Ledger) IssueQuotaToResellers(ctx context.Context, req ResellerQuotaRequest) (*Outcome, error) {
	if err := distributorOnly(ctx); err != nil {
		return nil, err
	}
	if err := CheckAmount("value", req.Value); err != nil {
		return nil, err
	}
	if err := checkBatch("resellerIDs", req.ResellerIDs); err != nil {
		return nil, err
	}
	if err := checkReason(req.Reason); err != nil {
		return nil, err
	}
	plan := planned(len(req.ResellerIDs))
	plan.Rows = make([]RowOutcome, len(req.ResellerIDs))
	for i, id := range req.ResellerIDs {
		plan.Rows[i] = RowOutcome{ID: id, OK: true, JournalID: plan.JournalIDs[i], Object: gid.New(gid.PrefixCouponQuota)}
	}
	args := []any{req.QuotaID, req.ResellerIDs, req.Value.String(), req.ValidFrom, req.ValidUntil, strings.TrimSpace(req.Reason)}
	return l.run(ctx, "quota-to-resellers", req.IdempotencyKey, args, plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		v := viewer.FromContext(ctx)
		q, err := ownQuota(ctx, c, req.QuotaID)
		switch {
		case err != nil:
		case q.Kind != couponquota.KindVOUCHER:
			err = apperr.Refuse(apperr.BadUserInput, "KIND_NOT_ALLOWED", "resellers get voucher quota only")
		case q.Status != couponquota.StatusNORMAL:
			err = apperr.Refuse(apperr.BadUserInput, "QUOTA_NOT_NORMAL", "the quota is %s: it cannot be passed on", q.Status)
		}
		var from, until time.Time
		if err == nil {
			from, until, err = validity(req.ValidFrom, req.ValidUntil, q)
		}
		if err == nil {
			err = stepup.Check(ctx, c, "issuing quota to resellers", req.VerificationCode)
		}
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionQUOTA_TO_RESELLERS, req.QuotaID, err)
		}
		resellers, err := c.Partner.Query().Where(partner.IDIn(req.ResellerIDs...), partner.DistributorID(v.PartnerID),
			partner.KindEQ(partner.KindCLOUD_RESELLER)).IDs(ctx)
		if err != nil {
			return nil, err
		}
		out := &Outcome{Rows: slices.Clone(plan.Rows)}
		refusals := make([]*apperr.Error, len(req.ResellerIDs))
		for i, id := range req.ResellerIDs {
			if !slices.Contains(resellers, id) {
				refusals[i] = apperr.New(apperr.NotFound, "no cloud reseller of yours with this ID")
			}
		}
		if failRows(out, refusals) {
			return out, refuseBatch(ctx, c, auditlog.ActionQUOTA_TO_RESELLERS, out)
		}
		total := money.FromFen(req.Value.Fen() * int64(len(req.ResellerIDs)))
		locked, err := lockOwners(ctx, c, QuotaBalance(q.ID))
		if err != nil {
			return nil, err
		}
		if locked[0].Balance.Cmp(total) < 0 {
			failAll(out, apperr.Refuse(apperr.BadUserInput, "INSUFFICIENT_QUOTA", "the quota's balance (%s) is less than the batch total (%s)", locked[0].Balance, total))
			return out, refuseBatch(ctx, c, auditlog.ActionQUOTA_TO_RESELLERS, out)
		}
		now := Now()
		quotas := make([]*ent.CouponQuotaCreate, len(plan.Rows))
		accounts := make([]*ent.AccountCreate, len(plan.Rows))
		ids := make([]gid.ID, len(plan.Rows))
		for i, row := range plan.Rows {
			quotas[i] = c.CouponQuota.Create().SetID(row.Object).SetKind(q.Kind).SetPartnerID(row.ID).SetParentQuotaID(q.ID).
				SetValue(req.Value).SetValidFrom(from).SetValidUntil(until).SetCreatedAt(now).SetUpdatedAt(now)
			o := QuotaBalance(row.Object)
			accounts[i] = c.Account.Create().SetKind(o.Kind).SetOwnerKey(o.Key()).SetQuotaID(row.Object).SetCreatedAt(now)
			ids[i] = row.Object
		}
		if err := c.CouponQuota.CreateBulk(quotas...).Exec(sys(ctx)); err != nil {
			return nil, err
		}
		if err := createLimits(ctx, c, limitsOf(q.Edges.Limits), func(lc *ent.CouponLimitCreate, id gid.ID) { lc.SetQuotaID(id) }, ids...); err != nil {
			return nil, err
		}
		accs, err := c.Account.CreateBulk(accounts...).Save(sys(ctx))
		if err != nil {
			return nil, err
		}
		accs = append([]*ent.Account{locked[0]}, accs...)
		postings := make([]posting, len(plan.Rows))
		records := make([]*ent.CouponRecordCreate, len(plan.Rows))
		for i, row := range plan.Rows {
			postings[i] = posting{journalSpec{id: row.JournalID, kind: journal.KindQUOTA_TO_RESELLER, amount: req.Value, key: req.IdempotencyKey, reason: req.Reason},
				[]leg{{accs[0], money.Zero.Sub(req.Value)}, {accs[i+1], req.Value}}}
			records[i] = recordCreate(c, v, couponrecord.TypeQUOTA_ISSUED_TO_RESELLER, req.Value, row.ID, row.Object, now).
				SetJournalID(row.JournalID).SetReason(req.Reason)
		}
		if _, err := post(ctx, c, postings...); err != nil {
			return nil, err
		}
		if err := c.CouponRecord.CreateBulk(records...).Exec(sys(ctx)); err != nil {
			return nil, err
		}
		out.JournalIDs = plan.JournalIDs
		return out, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionQUOTA_TO_RESELLERS, TargetType: "CouponQuota", TargetID: q.ID, Reason: req.Reason,
			Detail: req.Value.String() + " to each of " + strconv.Itoa(len(plan.Rows)) + " resellers"})
	})
}

// ReclaimResellerQuota takes a reseller quota's whole remaining balance back to the distributor's
// quota it came from and marks it RECLAIMED; Rows[0].Amount is the amount actually reclaimed.
// Coupons the reseller already issued stay with its customers; what they return to the quota
// later (the reseller reclaims one) is taken back by reclaiming the quota again.
func (l *Ledger) ReclaimResellerQuota(ctx context.Context, key string, quotaID gid.ID, reason string, code *string) (*Outcome, error) {
	if err := distributorOnly(ctx); err != nil {
		return nil, err
	}
	if err := checkReason(reason); err != nil {
		return nil, err
	}
	plan := planned(1)
	plan.Rows = []RowOutcome{{ID: quotaID, OK: true, JournalID: plan.JournalIDs[0], Object: quotaID}}
	return l.run(ctx, "reclaim-reseller-quota", key, []any{quotaID, strings.TrimSpace(reason)}, plan, func(ctx context.Context, c *ent.Client) (*Outcome, error) {
		v := viewer.FromContext(ctx)
		q, err := c.CouponQuota.Query().Where(couponquota.ID(quotaID), couponquota.HasParentWith(couponquota.PartnerID(v.PartnerID)),
			predicate.CouponQuota(dbx.ForUpdate)).Only(ctx)
		if ent.IsNotFound(err) {
			err = apperr.BadInput("quotaID", "no quota you issued to a reseller has this ID")
		}
		if err == nil {
			err = stepup.Check(ctx, c, "reclaiming a reseller's quota", code)
		}
		if err != nil {
			return nil, refuse(ctx, c, auditlog.ActionQUOTA_FROM_RESELLER, quotaID, err)
		}
		accs, err := lockOwners(ctx, c, QuotaBalance(q.ID), QuotaBalance(*q.ParentQuotaID))
		if err != nil {
			return nil, err
		}
		amount := accs[0].Balance
		switch {
		case !amount.IsPositive() && q.Status == couponquota.StatusRECLAIMED:
			return nil, refuse(ctx, c, auditlog.ActionQUOTA_FROM_RESELLER, quotaID, apperr.Refuse(apperr.BadUserInput, "ALREADY_RECLAIMED", "this quota was reclaimed already and nothing came back to it since"))
		case !amount.IsPositive():
			return nil, refuse(ctx, c, auditlog.ActionQUOTA_FROM_RESELLER, quotaID, apperr.Refuse(apperr.BadUserInput, "NOTHING_TO_RECLAIM", "the reseller has issued the whole quota: nothing is left to reclaim"))
		}
		if _, err := post(ctx, c, posting{journalSpec{id: plan.JournalIDs[0], kind: journal.KindQUOTA_FROM_RESELLER, amount: amount, key: key, reason: reason},
			[]leg{{accs[0], money.Zero.Sub(amount)}, {accs[1], amount}}}); err != nil {
			return nil, err
		}
		now := Now()
		if err := c.CouponQuota.UpdateOne(q).SetStatus(couponquota.StatusRECLAIMED).SetUpdatedAt(now).Exec(sys(ctx)); err != nil {
			return nil, err
		}
		if err := recordCreate(c, v, couponrecord.TypeQUOTA_RECLAIMED_FROM_RESELLER, amount, q.PartnerID, q.ID, now).
			SetJournalID(plan.JournalIDs[0]).SetReason(reason).Exec(sys(ctx)); err != nil {
			return nil, err
		}
		out := &Outcome{JournalIDs: plan.JournalIDs, Rows: []RowOutcome{{ID: quotaID, OK: true, JournalID: plan.JournalIDs[0], Object: quotaID, Amount: amount}}, learned: true}
		return out, audit.Record(ctx, c, audit.Entry{Action: auditlog.ActionQUOTA_FROM_RESELLER, TargetType: "CouponQuota", TargetID: q.ID, ActingFor: q.PartnerID,
			Reason: reason, Detail: "reclaimed " + amount.String()})
	})
}
