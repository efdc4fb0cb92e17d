package graph

import (
	"context"
	"slices"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/customerwhitelist"
	"github.com/partnercenter/partnercenter/ent/predicate"
	"github.com/partnercenter/partnercenter/ent/rule"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// listedCoupons leaves out what no listing returns: coupons expired more than a year ago
// (DOMAIN.md §4).
func listedCoupons() predicate.Coupon {
	return coupon.ValidUntilGT(ledger.Now().AddDate(-1, 0, 0))
}

func limitsIn(in []*model.CouponLimitInput) []ledger.Limit {
	out := make([]ledger.Limit, len(in))
	for i, l := range in {
		out[i] = ledger.Limit{Key: l.Key, Value: l.Value}
	}
	return out
}

// rowResults turns a batch outcome's rows into the per-row answer.
func rowResults(out *ledger.Outcome) (results []*model.BatchRowResult, succeeded, failed int) {
	results = []*model.BatchRowResult{}
	for _, row := range out.Rows {
		br := &model.BatchRowResult{ID: row.ID, Ok: row.OK && !out.Failed}
		if br.Ok {
			succeeded++
		} else {
			failed++
			code, msg := row.Code, row.Message
			br.Code, br.Message = &code, &msg
			if row.Reason != "" {
				reason := row.Reason
				br.Reason = &reason
			}
		}
		results = append(results, br)
	}
	return results, succeeded, failed
}

// batchRefused is the userError beside the per-row results of a refused batch.
func batchRefused(field, what string) []*model.UserError {
	return []*model.UserError{{Code: "BATCH_REFUSED", Field: []string{"input", field},
		Message: "nothing was done: the results say which " + what + " were refused and why"}}
}

// objects are the IDs a batch made, in row order.
func objects(out *ledger.Outcome) []gid.ID {
	ids := make([]gid.ID, len(out.Rows))
	for i, r := range out.Rows {
		ids[i] = r.Object
	}
	return ids
}

// inOrder puts what an operation made, read back through privacy, in the order of ids.
func inOrder[T any](found []T, id func(T) gid.ID, ids []gid.ID) []T {
	slices.SortFunc(found, func(a, b T) int { return slices.Index(ids, id(a)) - slices.Index(ids, id(b)) })
	return found
}

func (r *Resolver) quotaPayload(ctx context.Context, out *ledger.Outcome, err error) (*model.CouponQuotaPayload, error) {
	p := &model.CouponQuotaPayload{}
	if err == nil {
		p.Quota, err = r.client.CouponQuota.Get(ctx, out.Rows[0].Object)
	}
	return payload(ctx, p, err)
}

func (r *Resolver) issueCouponsPayload(ctx context.Context, out *ledger.Outcome, err error) (*model.IssueCouponsPayload, error) {
	p := &model.IssueCouponsPayload{Coupons: []*ent.Coupon{}, Results: []*model.BatchRowResult{}}
	if err != nil {
		return payload(ctx, p, err)
	}
	p.Results, p.Succeeded, p.Failed = rowResults(out)
	if out.Failed {
		p.UserErrors = batchRefused("customerIDs", "customers")
		return p, nil
	}
	ids := objects(out)
	found, err := r.client.Coupon.Query().Where(coupon.IDIn(ids...)).All(ctx)
	p.Coupons = inOrder(found, func(c *ent.Coupon) gid.ID { return c.ID }, ids)
	return payload(ctx, p, err)
}

// myCoupons are a customer user's own coupons: usable first, then by expiry.
func (r *Resolver) myCoupons(ctx context.Context, kind *coupon.Kind, status *coupon.Status) ([]*ent.Coupon, error) {
	v := viewer.FromContext(ctx)
	if !v.IsCustomer() {
		return nil, apperr.New(apperr.Forbidden, "this is a customer's own list")
	}
	where := []predicate.Coupon{coupon.CustomerID(v.CustomerID), listedCoupons()}
	if kind != nil {
		where = append(where, coupon.KindEQ(*kind))
	}
	if status != nil {
		where = append(where, coupon.StatusEQ(*status))
	}
	list, err := r.db(ctx).Coupon.Query().Where(where...).WithLimits().Order(ent.Asc(coupon.FieldValidUntil)).Limit(500).All(ctx)
	slices.SortStableFunc(list, func(a, b *ent.Coupon) int {
		return boolRank(a.Status == coupon.StatusUSABLE) - boolRank(b.Status == coupon.StatusUSABLE)
	})
	return list, err
}

func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// whitelist adds or removes customers of a government partner's whitelist: the customers must
// be associated with it; entries are written through the whitelist's privacy rules.
func (r *Resolver) whitelist(ctx context.Context, ids []gid.ID, add bool) (*model.WhitelistPayload, error) {
	p := &model.WhitelistPayload{Entries: []*ent.CustomerWhitelist{}}
	v := viewer.FromContext(ctx)
	c := r.db(ctx)
	err := func() error {
		if !rule.MayMaintainWhitelist(v) {
			return apperr.New(apperr.Forbidden, "only a government partner's admin maintains a customer whitelist")
		}
		if len(ids) == 0 || len(ids) > ledger.MaxBatch {
			return apperr.BadInput("customerIDs", "give 1 to %d customers", ledger.MaxBatch)
		}
		if !add {
			_, err := c.CustomerWhitelist.Delete().Where(customerwhitelist.CustomerIDIn(ids...)).Exec(ctx)
			return err
		}
		mine, err := c.Customer.Query().Where(customer.IDIn(ids...), customer.PartnerID(v.PartnerID)).IDs(ctx)
		if err != nil {
			return err
		}
		creates := make([]*ent.CustomerWhitelistCreate, 0, len(ids))
		for _, id := range slices.Compact(slices.Sorted(slices.Values(ids))) {
			if !slices.Contains(mine, id) {
				e := apperr.Refuse(apperr.BadUserInput, "NOT_ASSOCIATED", "a customer not associated with you cannot be whitelisted")
				e.Field = "customerIDs"
				return e
			}
			creates = append(creates, c.CustomerWhitelist.Create().SetPartnerID(v.PartnerID).SetCustomerID(id))
		}
		return c.CustomerWhitelist.CreateBulk(creates...).OnConflictColumns(customerwhitelist.FieldPartnerID, customerwhitelist.FieldCustomerID).
			DoNothing().Exec(ctx)
	}()
	if err == nil && add {
		p.Entries, err = c.CustomerWhitelist.Query().Where(customerwhitelist.CustomerIDIn(ids...)).All(ctx)
	}
	return payload(ctx, p, err)
}

// balanceOf is an account's balance through the operation's loader (zero without one).
func balanceOf(ctx context.Context, o ledger.Owner) (*money.Money, error) {
	a, err := loadersOf(ctx).balanceByKey.Load(ctx, o.Key())
	if isNotFoundMapped(err) {
		zero := money.Zero
		return &zero, nil
	}
	if err != nil {
		return nil, err
	}
	return &a.Balance, nil
}
