package graph

import (
	"context"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/association"
	"github.com/partnercenter/partnercenter/ent/coupon"
	"github.com/partnercenter/partnercenter/ent/couponquota"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/ent/customer"
	"github.com/partnercenter/partnercenter/ent/customerwhitelist"
	"github.com/partnercenter/partnercenter/ent/partner"
	"github.com/partnercenter/partnercenter/ent/product"
	"github.com/partnercenter/partnercenter/ent/servicetype"
	"github.com/partnercenter/partnercenter/ent/user"
	"github.com/partnercenter/partnercenter/graph/model"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
)

// prefixTables maps an ID prefix to the table of its type, for node(id:). Sessions are not nodes.
var prefixTables = map[string]string{
	gid.PrefixPartner:           partner.Table,
	gid.PrefixUser:              user.Table,
	gid.PrefixCustomer:          customer.Table,
	gid.PrefixAssociation:       association.Table,
	gid.PrefixCouponQuota:       couponquota.Table,
	gid.PrefixCoupon:            coupon.Table,
	gid.PrefixCouponRecord:      couponrecord.Table,
	gid.PrefixCustomerWhitelist: customerwhitelist.Table,
	gid.PrefixServiceType:       servicetype.Table,
	gid.PrefixProduct:           product.Table,
}

// tableOf resolves the type of an ID from its prefix; an unknown or malformed ID is simply not
// found, exactly like an ID the viewer may not see.
func tableOf(_ context.Context, id gid.ID) (string, error) {
	if t, ok := prefixTables[id.Prefix()]; ok && id.Valid() {
		return t, nil
	}
	return "", apperr.New(apperr.NotFound, "no object with this ID")
}

func (r *queryResolver) noder(ctx context.Context, id gid.ID) (ent.Noder, error) {
	n, err := r.db(ctx).Noder(ctx, id, ent.WithNodeType(tableOf))
	if ent.IsNotFound(err) || ent.IsNotSingular(err) {
		return nil, apperr.New(apperr.NotFound, "no object with this ID")
	}
	return n, err
}

func (r *queryResolver) noders(ctx context.Context, ids []gid.ID) ([]ent.Noder, error) {
	if len(ids) > 100 {
		return nil, apperr.BadInput("ids", "at most 100 IDs at a time")
	}
	valid := make([]gid.ID, 0, len(ids))
	for _, id := range ids {
		if _, err := tableOf(ctx, id); err == nil {
			valid = append(valid, id)
		}
	}
	var found []ent.Noder
	if len(valid) == 1 { // ent's Noders turns a single miss into an error for the whole list
		n, err := r.noder(ctx, valid[0])
		if err != nil && !isNotFound(err) {
			return nil, err
		}
		found = []ent.Noder{n}
	} else if len(valid) > 1 {
		var err error
		if found, err = r.db(ctx).Noders(ctx, valid, ent.WithNodeType(tableOf)); err != nil {
			return nil, err
		}
	}
	byID := make(map[gid.ID]ent.Noder, len(found))
	for i, n := range found {
		if n != nil {
			byID[valid[i]] = n
		}
	}
	out := make([]ent.Noder, len(ids))
	for i, id := range ids {
		out[i] = byID[id] // null where not found or not visible
	}
	return out, nil
}

func (r *Resolver) viewerOf(ctx context.Context, u *ent.User) (*model.Viewer, error) {
	v := &model.Viewer{User: u, Role: u.Role}
	c := r.db(ctx)
	var err error
	if u.PartnerID != nil {
		if v.Partner, err = c.Partner.Get(ctx, *u.PartnerID); err != nil {
			return nil, err
		}
	}
	if u.CustomerID != nil {
		if v.Customer, err = c.Customer.Get(ctx, *u.CustomerID); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func isNotFound(err error) bool {
	e, ok := apperr.As(err)
	return ok && e.Code == apperr.NotFound
}
