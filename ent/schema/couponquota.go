package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
)

// CouponQuota is an amount a partner may issue coupons out of (额度): voucher quota (代金券额度)
// granted by the platform or, for a cloud reseller, by its distributor out of the distributor's
// own quota; cash-coupon and pickup-coupon quota granted by the platform to government partners.
// A partner never spends quota itself. Its balance is not a column: it is a ledger account of
// kind COUPON_QUOTA (ledger.QuotaBalance), so issuing and reclaiming are journals.
type CouponQuota struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (CouponQuota) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixCouponQuota}, TimeMixin{}}
}

// Fields of a quota.
func (CouponQuota) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Immutable().Values("VOUCHER", "CASH", "PICKUP").
			Comment("what the quota issues: vouchers (代金券), cash coupons (现金券) or pickup coupons (提货券)"),
		field.String("partner_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")).Immutable().
			Comment("the partner holding the quota"),
		field.String("parent_quota_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Comment("the distributor's quota this reseller quota was issued from; none: a platform grant"),
		field.Int64("value").GoType(money.Money{}).
			DefaultFunc(func() money.Money { return money.Zero }).
			Annotations(entsql.Default("0"), entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("the amount granted (adjustments change it); the balance is the ledger account"),
		field.Enum("status").Values("NORMAL", "FROZEN", "INVALID", "ADJUSTING", "RECLAIMED").Default("NORMAL").
			Comment("NORMAL issues; FROZEN and ADJUSTING are visible but cannot issue; INVALID: expired or set invalid"),
		field.Time("valid_from"),
		field.Time("valid_until").Annotations(entgql.OrderField("VALID_UNTIL")),
	}
}

// Edges of a quota: the quota it came from and those issued out of it, its coupons, limits and
// ledger account.
func (CouponQuota) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", CouponQuota.Type).Annotations(entgql.Skip(entgql.SkipAll)).
			From("parent").Field("parent_quota_id").Unique().Immutable().Annotations(entgql.Skip(entgql.SkipWhereInput)),
		edge.To("coupons", Coupon.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("limits", CouponLimit.Type).Annotations(entgql.Skip(entgql.SkipWhereInput)),
		edge.To("accounts", Account.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes: a partner's quotas (its quota page), and those issued out of one quota.
func (CouponQuota) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "kind", "status"),
		index.Fields("parent_quota_id"),
	}
}

// Annotations: listed as couponQuotas (privacy narrows the list); the value is never negative.
func (CouponQuota) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(), entgql.QueryField("couponQuotas"),

		entsql.Annotation{Table: "coupon_quotas"},
		entsql.Checks(map[string]string{"coupon_quota_value_non_negative": "value >= 0"}),
	}
}
