package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Balance is the resolver for the balance field.
func (r *couponResolver) Balance(ctx context.Context, obj *ent.Coupon) (*money.Money, error) {
	return balanceOf(ctx, ledger.CouponBalance(obj.ID))
}

// Remark is the resolver for the remark field.
func (r *couponResolver) Remark(ctx context.Context, obj *ent.Coupon) (*string, error) {
	if !rule.MaySeeCouponRemark(viewer.FromContext(ctx), obj) {
		return nil, nil
	}
	return obj.Remark, nil
}

// IssuerName is the resolver for the issuerName field.
func (r *couponResolver) IssuerName(ctx context.Context, obj *ent.Coupon) (string, error) {
	return loadersOf(ctx).names.Load(ctx, obj.PartnerID)
}

// Balance is the resolver for the balance field.
func (r *couponQuotaResolver) Balance(ctx context.Context, obj *ent.CouponQuota) (*money.Money, error) {
	return balanceOf(ctx, ledger.QuotaBalance(obj.ID))
}

// PartnerName is the resolver for the partnerName field.
func (r *couponQuotaResolver) PartnerName(ctx context.Context, obj *ent.CouponQuota) (string, error) {
	return loadersOf(ctx).names.Load(ctx, obj.PartnerID)
}

// Records is the resolver for the records field.
func (r *couponQuotaResolver) Records(ctx context.Context, obj *ent.CouponQuota, first *int) ([]*ent.CouponRecord, error) {
	rs, err := loadersOf(ctx).quotaRecords.Load(ctx, obj.ID)
	if isNotFoundMapped(err) {
		return []*ent.CouponRecord{}, nil
	}
	if first != nil && *first >= 0 && len(rs) > *first {
		rs = rs[:*first]
	}
	return rs, err
}

// CustomerName is the resolver for the customerName field.
func (r *couponRecordResolver) CustomerName(ctx context.Context, obj *ent.CouponRecord) (*string, error) {
	if obj.CustomerID == nil {
		return nil, nil
	}
	name, err := loadersOf(ctx).names.Load(ctx, *obj.CustomerID)
	return &name, err
}

// Customer is the resolver for the customer field.
func (r *customerWhitelistResolver) Customer(ctx context.Context, obj *ent.CustomerWhitelist) (*ent.Customer, error) {
	c, err := loadersOf(ctx).customers.Load(ctx, obj.CustomerID)
	if isNotFoundMapped(err) {
		return nil, nil
	}
	return c, err
}

// GrantCouponQuota is the resolver for the grantCouponQuota field.
func (r *mutationResolver) GrantCouponQuota(ctx context.Context, input model.GrantCouponQuotaInput, idempotencyKey string) (*model.CouponQuotaPayload, error) {
	out, err := r.ledger.GrantQuota(ctx, ledger.GrantRequest{IdempotencyKey: idempotencyKey, PartnerID: input.PartnerID, Kind: input.Kind,
		Value: input.Value, ValidFrom: input.ValidFrom, ValidUntil: input.ValidUntil, Limits: limitsIn(input.Limits), Reason: deref(input.Reason)})
	return r.quotaPayload(ctx, out, err)
}

// AdjustCouponQuota is the resolver for the adjustCouponQuota field.
func (r *mutationResolver) AdjustCouponQuota(ctx context.Context, input model.AdjustCouponQuotaInput, idempotencyKey string) (*model.CouponQuotaPayload, error) {
	out, err := r.ledger.AdjustQuota(ctx, ledger.AdjustRequest{IdempotencyKey: idempotencyKey, QuotaID: input.QuotaID, Delta: input.Delta,
		ValidUntil: input.ValidUntil, Reason: deref(input.Reason)})
	return r.quotaPayload(ctx, out, err)
}

// SetCouponQuotaStatus is the resolver for the setCouponQuotaStatus field.
func (r *mutationResolver) SetCouponQuotaStatus(ctx context.Context, input model.SetCouponQuotaStatusInput, idempotencyKey string) (*model.CouponQuotaPayload, error) {
	out, err := r.ledger.SetQuotaStatus(ctx, idempotencyKey, input.QuotaID, input.Status, deref(input.Reason))
	return r.quotaPayload(ctx, out, err)
}

// IssueQuotaToResellers is the resolver for the issueQuotaToResellers field.
func (r *mutationResolver) IssueQuotaToResellers(ctx context.Context, input model.IssueQuotaToResellersInput, idempotencyKey string) (*model.IssueQuotaToResellersPayload, error) {
	out, err := r.ledger.IssueQuotaToResellers(ctx, ledger.ResellerQuotaRequest{IdempotencyKey: idempotencyKey, QuotaID: input.QuotaID,
		ResellerIDs: input.ResellerIDs, Value: input.Value, ValidFrom: input.ValidFrom, ValidUntil: input.ValidUntil, Reason: deref(input.Reason),
		VerificationCode: input.VerificationCode})
	p := &model.IssueQuotaToResellersPayload{Quotas: []*ent.CouponQuota{}, Results: []*model.BatchRowResult{}}
	if err != nil {
		return payload(ctx, p, err)
	}
	p.Results, p.Succeeded, p.Failed = rowResults(out)
	if out.Failed {
		p.UserErrors = batchRefused("resellerIDs", "resellers")
		return p, nil
	}
	ids := objects(out)
	found, err := r.client.CouponQuota.Query().Where(couponquota.IDIn(ids...)).All(ctx)
	p.Quotas = inOrder(found, func(q *ent.CouponQuota) gid.ID { return q.ID }, ids)
	return payload(ctx, p, err)
}

// ReclaimResellerQuota is the resolver for the reclaimResellerQuota field.
func (r *mutationResolver) ReclaimResellerQuota(ctx context.Context, input model.ReclaimResellerQuotaInput, idempotencyKey string) (*model.ReclaimResellerQuotaPayload, error) {
	out, err := r.ledger.ReclaimResellerQuota(ctx, idempotencyKey, input.QuotaID, deref(input.Reason), input.VerificationCode)
	p := &model.ReclaimResellerQuotaPayload{}
	if err == nil {
		amount := out.Rows[0].Amount
		p.Reclaimed = &amount
		p.Quota, err = r.client.CouponQuota.Get(ctx, input.QuotaID)
	}
	return payload(ctx, p, err)
}

// IssueCoupons is the resolver for the issueCoupons field.
func (r *mutationResolver) IssueCoupons(ctx context.Context, input model.IssueCouponsInput, idempotencyKey string) (*model.IssueCouponsPayload, error) {
	out, err := r.ledger.IssueCoupons(ctx, ledger.IssueRequest{IdempotencyKey: idempotencyKey, QuotaID: input.QuotaID, CustomerIDs: input.CustomerIDs,
		FaceValue: input.FaceValue, ValidFrom: input.ValidFrom, ValidUntil: input.ValidUntil, Limits: limitsIn(input.Limits),
		Designated: input.Designated != nil && *input.Designated, Remark: deref(input.Remark), VerificationCode: input.VerificationCode})
	return r.issueCouponsPayload(ctx, out, err)
}

// ReissueCoupon is the resolver for the reissueCoupon field.
func (r *mutationResolver) ReissueCoupon(ctx context.Context, input model.ReissueCouponInput, idempotencyKey string) (*model.ReissueCouponPayload, error) {
	out, err := r.ledger.ReissueCoupon(ctx, ledger.ReissueRequest{IdempotencyKey: idempotencyKey, CouponID: input.CouponID,
		CustomerID: input.CustomerID, VerificationCode: input.VerificationCode})
	p := &model.ReissueCouponPayload{}
	if err == nil {
		p.Coupon, err = r.client.Coupon.Get(ctx, out.Rows[0].Object)
	}
	return payload(ctx, p, err)
}

// ReclaimCoupons is the resolver for the reclaimCoupons field.
func (r *mutationResolver) ReclaimCoupons(ctx context.Context, input model.ReclaimCouponsInput, idempotencyKey string) (*model.ReclaimCouponsPayload, error) {
	out, err := r.ledger.ReclaimCoupons(ctx, ledger.ReclaimRequest{IdempotencyKey: idempotencyKey, CouponIDs: input.CouponIDs,
		Reason: deref(input.Reason), VerificationCode: input.VerificationCode})
	p := &model.ReclaimCouponsPayload{Reclaims: []*model.CouponReclaim{}, Results: []*model.BatchRowResult{}}
	if err != nil {
		return payload(ctx, p, err)
	}
	p.Results, _, _ = rowResults(out)
	if out.Failed {
		p.UserErrors = batchRefused("couponIDs", "coupons")
		return p, nil
	}
	found, err := r.client.Coupon.Query().Where(coupon.IDIn(input.CouponIDs...)).All(ctx)
	byID := map[gid.ID]*ent.Coupon{}
	for _, c := range found {
		byID[c.ID] = c
	}
	for _, row := range out.Rows {
		p.Total = p.Total.Add(row.Amount)
		if c := byID[row.ID]; c != nil {
			p.Reclaims = append(p.Reclaims, &model.CouponReclaim{Coupon: c, Amount: row.Amount})
		}
	}
	return payload(ctx, p, err)
}

// AddToWhitelist is the resolver for the addToWhitelist field.
func (r *mutationResolver) AddToWhitelist(ctx context.Context, input model.WhitelistInput) (*model.WhitelistPayload, error) {
	return r.whitelist(ctx, input.CustomerIDs, true)
}

// RemoveFromWhitelist is the resolver for the removeFromWhitelist field.
func (r *mutationResolver) RemoveFromWhitelist(ctx context.Context, input model.WhitelistInput) (*model.WhitelistPayload, error) {
	return r.whitelist(ctx, input.CustomerIDs, false)
}

// MyCoupons is the resolver for the myCoupons field.
func (r *queryResolver) MyCoupons(ctx context.Context, kind *coupon.Kind, status *coupon.Status) ([]*ent.Coupon, error) {
	return r.myCoupons(ctx, kind, status)
}
