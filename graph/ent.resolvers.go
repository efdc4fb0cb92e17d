package graph

import (
	"context"
	"fmt"

	"entgo.io/contrib/entgql"
	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/graph/generated"
	"github.com/partnercenter/partnercenter/internal/gid"
)

// Node is the resolver for the node field.
func (r *queryResolver) Node(ctx context.Context, id gid.ID) (ent.Noder, error) {
	return r.noder(ctx, id)
}

// Nodes is the resolver for the nodes field.
func (r *queryResolver) Nodes(ctx context.Context, ids []gid.ID) ([]ent.Noder, error) {
	return r.noders(ctx, ids)
}

// APIKeys is the resolver for the apiKeys field.
func (r *queryResolver) APIKeys(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.APIKeyOrder, where *ent.APIKeyWhereInput) (*ent.APIKeyConnection, error) {
	return r.db(ctx).APIKey.Query().Paginate(ctx, after, first, before, last,
		ent.WithAPIKeyOrder(orderBy), ent.WithAPIKeyFilter(where.Filter))
}

// Accounts is the resolver for the accounts field.
func (r *queryResolver) Accounts(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, where *ent.AccountWhereInput) (*ent.AccountConnection, error) {
	return r.db(ctx).Account.Query().Paginate(ctx, after, first, before, last,
		ent.WithAccountFilter(where.Filter))
}

// Associations is the resolver for the associations field.
func (r *queryResolver) Associations(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.AssociationOrder, where *ent.AssociationWhereInput) (*ent.AssociationConnection, error) {
	return r.db(ctx).Association.Query().Paginate(ctx, after, first, before, last,
		ent.WithAssociationOrder(orderBy), ent.WithAssociationFilter(where.Filter))
}

// AssociationEvents is the resolver for the associationEvents field.
func (r *queryResolver) AssociationEvents(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.AssociationEventOrder, where *ent.AssociationEventWhereInput) (*ent.AssociationEventConnection, error) {
	return r.db(ctx).AssociationEvent.Query().Paginate(ctx, after, first, before, last,
		ent.WithAssociationEventOrder(orderBy), ent.WithAssociationEventFilter(where.Filter))
}

// AuditLogs is the resolver for the auditLogs field.
func (r *queryResolver) AuditLogs(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.AuditLogOrder, where *ent.AuditLogWhereInput) (*ent.AuditLogConnection, error) {
	return r.db(ctx).AuditLog.Query().Paginate(ctx, after, first, before, last,
		ent.WithAuditLogOrder(orderBy), ent.WithAuditLogFilter(where.Filter))
}

// Coupons is the resolver for the coupons field.
func (r *queryResolver) Coupons(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.CouponOrder, where *ent.CouponWhereInput) (*ent.CouponConnection, error) {
	panic(fmt.Errorf("not implemented: Coupons - coupons"))
}

// CouponQuotaSlice is the resolver for the couponQuotaSlice field.
func (r *queryResolver) CouponQuotaSlice(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.CouponQuotaOrder, where *ent.CouponQuotaWhereInput) (*ent.CouponQuotaConnection, error) {
	panic(fmt.Errorf("not implemented: CouponQuotaSlice - couponQuotaSlice"))
}

// CouponRecords is the resolver for the couponRecords field.
func (r *queryResolver) CouponRecords(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.CouponRecordOrder, where *ent.CouponRecordWhereInput) (*ent.CouponRecordConnection, error) {
	panic(fmt.Errorf("not implemented: CouponRecords - couponRecords"))
}

// Customers is the resolver for the customers field.
func (r *queryResolver) Customers(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy []*ent.CustomerOrder, where *ent.CustomerWhereInput) (*ent.CustomerConnection, error) {
	return r.db(ctx).Customer.Query().Paginate(ctx, after, first, before, last,
		ent.WithCustomerOrder(orderBy), ent.WithCustomerFilter(where.Filter))
}

// CustomerWhitelists is the resolver for the customerWhitelists field.
func (r *queryResolver) CustomerWhitelists(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.CustomerWhitelistOrder, where *ent.CustomerWhitelistWhereInput) (*ent.CustomerWhitelistConnection, error) {
	panic(fmt.Errorf("not implemented: CustomerWhitelists - customerWhitelists"))
}

// Journals is the resolver for the journals field.
func (r *queryResolver) Journals(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.JournalOrder, where *ent.JournalWhereInput) (*ent.JournalConnection, error) {
	return r.db(ctx).Journal.Query().Paginate(ctx, after, first, before, last,
		ent.WithJournalOrder(orderBy), ent.WithJournalFilter(where.Filter))
}

// Partners is the resolver for the partners field.
func (r *queryResolver) Partners(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy []*ent.PartnerOrder, where *ent.PartnerWhereInput) (*ent.PartnerConnection, error) {
	return r.db(ctx).Partner.Query().Paginate(ctx, after, first, before, last,
		ent.WithPartnerOrder(orderBy), ent.WithPartnerFilter(where.Filter))
}

// ResellerApplications is the resolver for the resellerApplications field.
func (r *queryResolver) ResellerApplications(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.ResellerApplicationOrder, where *ent.ResellerApplicationWhereInput) (*ent.ResellerApplicationConnection, error) {
	return r.db(ctx).ResellerApplication.Query().Paginate(ctx, after, first, before, last,
		ent.WithResellerApplicationOrder(orderBy), ent.WithResellerApplicationFilter(where.Filter))
}

// Users is the resolver for the users field.
func (r *queryResolver) Users(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.UserOrder, where *ent.UserWhereInput) (*ent.UserConnection, error) {
	return r.db(ctx).User.Query().Paginate(ctx, after, first, before, last,
		ent.WithUserOrder(orderBy), ent.WithUserFilter(where.Filter))
}

// PartnerIDIn is the resolver for the partnerIDIn field.
func (r *couponQuotaWhereInputResolver) PartnerIDIn(ctx context.Context, obj *ent.CouponQuotaWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: PartnerIDIn - partnerIDIn"))
}

// PartnerIDNotIn is the resolver for the partnerIDNotIn field.
func (r *couponQuotaWhereInputResolver) PartnerIDNotIn(ctx context.Context, obj *ent.CouponQuotaWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: PartnerIDNotIn - partnerIDNotIn"))
}

// PartnerIDIn is the resolver for the partnerIDIn field.
func (r *couponRecordWhereInputResolver) PartnerIDIn(ctx context.Context, obj *ent.CouponRecordWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: PartnerIDIn - partnerIDIn"))
}

// PartnerIDNotIn is the resolver for the partnerIDNotIn field.
func (r *couponRecordWhereInputResolver) PartnerIDNotIn(ctx context.Context, obj *ent.CouponRecordWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: PartnerIDNotIn - partnerIDNotIn"))
}

// QuotaIDIn is the resolver for the quotaIDIn field.
func (r *couponRecordWhereInputResolver) QuotaIDIn(ctx context.Context, obj *ent.CouponRecordWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: QuotaIDIn - quotaIDIn"))
}

// QuotaIDNotIn is the resolver for the quotaIDNotIn field.
func (r *couponRecordWhereInputResolver) QuotaIDNotIn(ctx context.Context, obj *ent.CouponRecordWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: QuotaIDNotIn - quotaIDNotIn"))
}

// CouponIDIn is the resolver for the couponIDIn field.
func (r *couponRecordWhereInputResolver) CouponIDIn(ctx context.Context, obj *ent.CouponRecordWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: CouponIDIn - couponIDIn"))
}

// CouponIDNotIn is the resolver for the couponIDNotIn field.
func (r *couponRecordWhereInputResolver) CouponIDNotIn(ctx context.Context, obj *ent.CouponRecordWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: CouponIDNotIn - couponIDNotIn"))
}

// CustomerIDIn is the resolver for the customerIDIn field.
func (r *couponRecordWhereInputResolver) CustomerIDIn(ctx context.Context, obj *ent.CouponRecordWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: CustomerIDIn - customerIDIn"))
}

// CustomerIDNotIn is the resolver for the customerIDNotIn field.
func (r *couponRecordWhereInputResolver) CustomerIDNotIn(ctx context.Context, obj *ent.CouponRecordWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: CustomerIDNotIn - customerIDNotIn"))
}

// PartnerIDIn is the resolver for the partnerIDIn field.
func (r *couponWhereInputResolver) PartnerIDIn(ctx context.Context, obj *ent.CouponWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: PartnerIDIn - partnerIDIn"))
}

// PartnerIDNotIn is the resolver for the partnerIDNotIn field.
func (r *couponWhereInputResolver) PartnerIDNotIn(ctx context.Context, obj *ent.CouponWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: PartnerIDNotIn - partnerIDNotIn"))
}

// PartnerIDIn is the resolver for the partnerIDIn field.
func (r *customerWhitelistWhereInputResolver) PartnerIDIn(ctx context.Context, obj *ent.CustomerWhitelistWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: PartnerIDIn - partnerIDIn"))
}

// PartnerIDNotIn is the resolver for the partnerIDNotIn field.
func (r *customerWhitelistWhereInputResolver) PartnerIDNotIn(ctx context.Context, obj *ent.CustomerWhitelistWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: PartnerIDNotIn - partnerIDNotIn"))
}

// CustomerIDIn is the resolver for the customerIDIn field.
func (r *customerWhitelistWhereInputResolver) CustomerIDIn(ctx context.Context, obj *ent.CustomerWhitelistWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: CustomerIDIn - customerIDIn"))
}

// CustomerIDNotIn is the resolver for the customerIDNotIn field.
func (r *customerWhitelistWhereInputResolver) CustomerIDNotIn(ctx context.Context, obj *ent.CustomerWhitelistWhereInput, data []string) error {
	panic(fmt.Errorf("not implemented: CustomerIDNotIn - customerIDNotIn"))
}

// AssociationEvent returns generated.AssociationEventResolver implementation.
func (r *Resolver) AssociationEvent() generated.AssociationEventResolver {
	return &associationEventResolver{r}
}

// Coupon returns generated.CouponResolver implementation.
func (r *Resolver) Coupon() generated.CouponResolver { return &couponResolver{r} }

// CouponQuota returns generated.CouponQuotaResolver implementation.
func (r *Resolver) CouponQuota() generated.CouponQuotaResolver { return &couponQuotaResolver{r} }

// CouponRecord returns generated.CouponRecordResolver implementation.
func (r *Resolver) CouponRecord() generated.CouponRecordResolver { return &couponRecordResolver{r} }

// Customer returns generated.CustomerResolver implementation.
func (r *Resolver) Customer() generated.CustomerResolver { return &customerResolver{r} }

// CustomerWhitelist returns generated.CustomerWhitelistResolver implementation.
func (r *Resolver) CustomerWhitelist() generated.CustomerWhitelistResolver {
	return &customerWhitelistResolver{r}
}

// Partner returns generated.PartnerResolver implementation.
func (r *Resolver) Partner() generated.PartnerResolver { return &partnerResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

// ResellerApplication returns generated.ResellerApplicationResolver implementation.
func (r *Resolver) ResellerApplication() generated.ResellerApplicationResolver {
	return &resellerApplicationResolver{r}
}

// User returns generated.UserResolver implementation.
func (r *Resolver) User() generated.UserResolver { return &userResolver{r} }

// CouponQuotaWhereInput returns generated.CouponQuotaWhereInputResolver implementation.
func (r *Resolver) CouponQuotaWhereInput() generated.CouponQuotaWhereInputResolver {
	return &couponQuotaWhereInputResolver{r}
}

// CouponRecordWhereInput returns generated.CouponRecordWhereInputResolver implementation.
func (r *Resolver) CouponRecordWhereInput() generated.CouponRecordWhereInputResolver {
	return &couponRecordWhereInputResolver{r}
}

// CouponWhereInput returns generated.CouponWhereInputResolver implementation.
func (r *Resolver) CouponWhereInput() generated.CouponWhereInputResolver {
	return &couponWhereInputResolver{r}
}

// CustomerWhereInput returns generated.CustomerWhereInputResolver implementation.
func (r *Resolver) CustomerWhereInput() generated.CustomerWhereInputResolver {
	return &customerWhereInputResolver{r}
}

// CustomerWhitelistWhereInput returns generated.CustomerWhitelistWhereInputResolver implementation.
func (r *Resolver) CustomerWhitelistWhereInput() generated.CustomerWhitelistWhereInputResolver {
	return &customerWhitelistWhereInputResolver{r}
}

type (
	associationEventResolver            struct{ *Resolver }
	couponResolver                      struct{ *Resolver }
	couponQuotaResolver                 struct{ *Resolver }
	couponRecordResolver                struct{ *Resolver }
	customerResolver                    struct{ *Resolver }
	customerWhitelistResolver           struct{ *Resolver }
	partnerResolver                     struct{ *Resolver }
	queryResolver                       struct{ *Resolver }
	resellerApplicationResolver         struct{ *Resolver }
	userResolver                        struct{ *Resolver }
	couponQuotaWhereInputResolver       struct{ *Resolver }
	couponRecordWhereInputResolver      struct{ *Resolver }
	couponWhereInputResolver            struct{ *Resolver }
	customerWhereInputResolver          struct{ *Resolver }
	customerWhitelistWhereInputResolver struct{ *Resolver }
)

// !!! WARNING !!!
// The code below was going to be deleted when updating resolvers. It has been copied here so you have
// one last chance to move it out of harms way if you want. There are two reasons this happens:
//  - When renaming or deleting a resolver the old code will be put in here. You can safely delete
//    it when you're done.
//  - You have helper methods in this file. Move them out to keep these resolver files clean.
/*
	func (r *couponResolver) Customer(ctx context.Context, obj *ent.Coupon) (*ent.Customer, error) {
	panic(fmt.Errorf("not implemented: Customer - customer"))
}
*/
