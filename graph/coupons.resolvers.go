package graph

import (
	"context"
	"fmt"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/money"
)

// Balance is the resolver for the balance field.
func (r *couponResolver) Balance(ctx context.Context, obj *ent.Coupon) (*money.Money, error) {
	panic(fmt.Errorf("not implemented: Balance - balance"))
}

// Remark is the resolver for the remark field.
func (r *couponResolver) Remark(ctx context.Context, obj *ent.Coupon) (*string, error) {
	panic(fmt.Errorf("not implemented: Remark - remark"))
}

// IssuerName is the resolver for the issuerName field.
func (r *couponResolver) IssuerName(ctx context.Context, obj *ent.Coupon) (string, error) {
	panic(fmt.Errorf("not implemented: IssuerName - issuerName"))
}

// Balance is the resolver for the balance field.
func (r *couponQuotaResolver) Balance(ctx context.Context, obj *ent.CouponQuota) (*money.Money, error) {
	panic(fmt.Errorf("not implemented: Balance - balance"))
}

// PartnerName is the resolver for the partnerName field.
func (r *couponQuotaResolver) PartnerName(ctx context.Context, obj *ent.CouponQuota) (string, error) {
	panic(fmt.Errorf("not implemented: PartnerName - partnerName"))
}

// Records is the resolver for the records field.
func (r *couponQuotaResolver) Records(ctx context.Context, obj *ent.CouponQuota, first *int) ([]*ent.CouponRecord, error) {
	panic(fmt.Errorf("not implemented: Records - records"))
}

// CustomerName is the resolver for the customerName field.
func (r *couponRecordResolver) CustomerName(ctx context.Context, obj *ent.CouponRecord) (*string, error) {
	panic(fmt.Errorf("not implemented: CustomerName - customerName"))
}

// Customer is the resolver for the customer field.
func (r *customerWhitelistResolver) Customer(ctx context.Context, obj *ent.CustomerWhitelist) (*ent.Customer, error) {
	panic(fmt.Errorf("not implemented: Customer - customer"))
}

// GrantCouponQuota is the resolver for the grantCouponQuota field.
func (r *mutationResolver) GrantCouponQuota(ctx context.Context, input model.GrantCouponQuotaInput, idempotencyKey string) (*model.CouponQuotaPayload, error) {
	panic(fmt.Errorf("not implemented: GrantCouponQuota - grantCouponQuota"))
}

// AdjustCouponQuota is the resolver for the adjustCouponQuota field.
func (r *mutationResolver) AdjustCouponQuota(ctx context.Context, input model.AdjustCouponQuotaInput, idempotencyKey string) (*model.CouponQuotaPayload, error) {
	panic(fmt.Errorf("not implemented: AdjustCouponQuota - adjustCouponQuota"))
}

// SetCouponQuotaStatus is the resolver for the setCouponQuotaStatus field.
func (r *mutationResolver) SetCouponQuotaStatus(ctx context.Context, input model.SetCouponQuotaStatusInput, idempotencyKey string) (*model.CouponQuotaPayload, error) {
	panic(fmt.Errorf("not implemented: SetCouponQuotaStatus - setCouponQuotaStatus"))
}

// IssueQuotaToResellers is the resolver for the issueQuotaToResellers field.
func (r *mutationResolver) IssueQuotaToResellers(ctx context.Context, input model.IssueQuotaToResellersInput, idempotencyKey string) (*model.IssueQuotaToResellersPayload, error) {
	panic(fmt.Errorf("not implemented: IssueQuotaToResellers - issueQuotaToResellers"))
}

// ReclaimResellerQuota is the resolver for the reclaimResellerQuota field.
func (r *mutationResolver) ReclaimResellerQuota(ctx context.Context, input model.ReclaimResellerQuotaInput, idempotencyKey string) (*model.ReclaimResellerQuotaPayload, error) {
	panic(fmt.Errorf("not implemented: ReclaimResellerQuota - reclaimResellerQuota"))
}

// IssueCoupons is the resolver for the issueCoupons field.
func (r *mutationResolver) IssueCoupons(ctx context.Context, input model.IssueCouponsInput, idempotencyKey string) (*model.IssueCouponsPayload, error) {
	panic(fmt.Errorf("not implemented: IssueCoupons - issueCoupons"))
}

// ReissueCoupon is the resolver for the reissueCoupon field.
func (r *mutationResolver) ReissueCoupon(ctx context.Context, input model.ReissueCouponInput, idempotencyKey string) (*model.ReissueCouponPayload, error) {
	panic(fmt.Errorf("not implemented: ReissueCoupon - reissueCoupon"))
}

// ReclaimCoupons is the resolver for the reclaimCoupons field.
func (r *mutationResolver) ReclaimCoupons(ctx context.Context, input model.ReclaimCouponsInput, idempotencyKey string) (*model.ReclaimCouponsPayload, error) {
	panic(fmt.Errorf("not implemented: ReclaimCoupons - reclaimCoupons"))
}

// AddToWhitelist is the resolver for the addToWhitelist field.
func (r *mutationResolver) AddToWhitelist(ctx context.Context, input model.WhitelistInput) (*model.WhitelistPayload, error) {
	panic(fmt.Errorf("not implemented: AddToWhitelist - addToWhitelist"))
}

// RemoveFromWhitelist is the resolver for the removeFromWhitelist field.
func (r *mutationResolver) RemoveFromWhitelist(ctx context.Context, input model.WhitelistInput) (*model.WhitelistPayload, error) {
	panic(fmt.Errorf("not implemented: RemoveFromWhitelist - removeFromWhitelist"))
}

// MyCoupons is the resolver for the myCoupons field.
func (r *queryResolver) MyCoupons(ctx context.Context, kind *coupon.Kind, status *coupon.Status) ([]*ent.Coupon, error) {
	panic(fmt.Errorf("not implemented: MyCoupons - myCoupons"))
}
