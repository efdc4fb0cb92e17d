package graph

import (
	"context"

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
	return r.db(ctx).Coupon.Query().Where(listedCoupons()).Paginate(ctx, after, first, before, last,
		ent.WithCouponOrder(orderBy), ent.WithCouponFilter(where.Filter))
}

// CouponQuotas is the resolver for the couponQuotas field.
func (r *queryResolver) CouponQuotas(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.CouponQuotaOrder, where *ent.CouponQuotaWhereInput) (*ent.CouponQuotaConnection, error) {
	return r.db(ctx).CouponQuota.Query().Paginate(ctx, after, first, before, last,
		ent.WithCouponQuotaOrder(orderBy), ent.WithCouponQuotaFilter(where.Filter))
}

// CouponRecords is the resolver for the couponRecords field.
func (r *queryResolver) CouponRecords(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.CouponRecordOrder, where *ent.CouponRecordWhereInput) (*ent.CouponRecordConnection, error) {
	return r.db(ctx).CouponRecord.Query().Paginate(ctx, after, first, before, last,
		ent.WithCouponRecordOrder(orderBy), ent.WithCouponRecordFilter(where.Filter))
}

// Customers is the resolver for the customers field.
func (r *queryResolver) Customers(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy []*ent.CustomerOrder, where *ent.CustomerWhereInput) (*ent.CustomerConnection, error) {
	return r.db(ctx).Customer.Query().Paginate(ctx, after, first, before, last,
		ent.WithCustomerOrder(orderBy), ent.WithCustomerFilter(where.Filter))
}

// CustomerWhitelists is the resolver for the customerWhitelists field.
func (r *queryResolver) CustomerWhitelists(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.CustomerWhitelistOrder, where *ent.CustomerWhitelistWhereInput) (*ent.CustomerWhitelistConnection, error) {
	return r.db(ctx).CustomerWhitelist.Query().Paginate(ctx, after, first, before, last,
		ent.WithCustomerWhitelistOrder(orderBy), ent.WithCustomerWhitelistFilter(where.Filter))
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

// Products is the resolver for the products field.
func (r *queryResolver) Products(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.ProductOrder, where *ent.ProductWhereInput) (*ent.ProductConnection, error) {
	return r.db(ctx).Product.Query().Paginate(ctx, after, first, before, last,
		ent.WithProductOrder(orderBy), ent.WithProductFilter(where.Filter))
}

// ResellerApplications is the resolver for the resellerApplications field.
func (r *queryResolver) ResellerApplications(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.ResellerApplicationOrder, where *ent.ResellerApplicationWhereInput) (*ent.ResellerApplicationConnection, error) {
	return r.db(ctx).ResellerApplication.Query().Paginate(ctx, after, first, before, last,
		ent.WithResellerApplicationOrder(orderBy), ent.WithResellerApplicationFilter(where.Filter))
}

// ServiceTypes is the resolver for the serviceTypes field.
func (r *queryResolver) ServiceTypes(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.ServiceTypeOrder, where *ent.ServiceTypeWhereInput) (*ent.ServiceTypeConnection, error) {
	return r.db(ctx).ServiceType.Query().Paginate(ctx, after, first, before, last,
		ent.WithServiceTypeOrder(orderBy), ent.WithServiceTypeFilter(where.Filter))
}

// Users is the resolver for the users field.
func (r *queryResolver) Users(ctx context.Context, after *entgql.Cursor[gid.ID], first *int, before *entgql.Cursor[gid.ID], last *int, orderBy *ent.UserOrder, where *ent.UserWhereInput) (*ent.UserConnection, error) {
	return r.db(ctx).User.Query().Paginate(ctx, after, first, before, last,
		ent.WithUserOrder(orderBy), ent.WithUserFilter(where.Filter))
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

// CustomerWhereInput returns generated.CustomerWhereInputResolver implementation.
func (r *Resolver) CustomerWhereInput() generated.CustomerWhereInputResolver {
	return &customerWhereInputResolver{r}
}

type (
	associationEventResolver    struct{ *Resolver }
	couponResolver              struct{ *Resolver }
	couponQuotaResolver         struct{ *Resolver }
	couponRecordResolver        struct{ *Resolver }
	customerResolver            struct{ *Resolver }
	customerWhitelistResolver   struct{ *Resolver }
	partnerResolver             struct{ *Resolver }
	queryResolver               struct{ *Resolver }
	resellerApplicationResolver struct{ *Resolver }
	userResolver                struct{ *Resolver }
	customerWhereInputResolver  struct{ *Resolver }
)
