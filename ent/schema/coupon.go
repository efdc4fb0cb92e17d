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

// Coupon is one coupon issued to a customer (券) out of a quota: a voucher, cash coupon or pickup
// coupon. Its balance is not a column: it is a ledger account of kind COUPON
// (ledger.CouponBalance), credited from the quota's account on issue and debited on reclaim or use.
type Coupon struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (Coupon) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixCoupon}, TimeMixin{}}
}

// Fields of a coupon.
func (Coupon) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("kind").Immutable().Values("VOUCHER", "CASH", "PICKUP"),
		field.String("quota_id").GoType(gid.ID("")).Immutable().
			Comment("the quota it was issued out of, to which a reclaim returns"),
		field.String("partner_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")).Immutable().
			Comment("the issuing partner (the quota's holder)"),
		field.String("customer_id").GoType(gid.ID("")).Immutable(),
		field.Int64("face_value").GoType(money.Money{}).Immutable().
			DefaultFunc(func() money.Money { return money.Zero }).
			Annotations(entsql.Default("0"), entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("面值; the remaining balance is the ledger account"),
		field.Time("valid_from"),
		field.Time("valid_until").Annotations(entgql.OrderField("VALID_UNTIL")),
		field.String("designated_customer_id").GoType(gid.ID("")).Optional().Nillable().
			Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("a cash coupon designated to one customer: once reclaimed, re-issued only to it"),
		// Left out of GraphQL even once coupons are exposed: a resolver returns it only when
		// rule.MaySeeCouponRemark allows.
		field.String("remark").Optional().Nillable().MaxLen(500).
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("备注: the issuer's only, never shown to the customer (rule.MaySeeCouponRemark)"),
		field.Enum("status").Values("USABLE", "USED_UP", "EXPIRED", "RECLAIMED").Default("USABLE"),
		field.String("held_by_order_id").Optional().Nillable().MaxLen(40).
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the order that chose it, until paid, cancelled or expired (its used_by_order); orders come later"),
	}
}

// Edges of a coupon.
func (Coupon) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("quota", CouponQuota.Type).Ref("coupons").Field("quota_id").Unique().Required().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		// No where input through the customer: its personal fields are not searched from here.
		edge.From("customer", Customer.Type).Ref("coupons").Field("customer_id").Unique().Required().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		edge.To("limits", CouponLimit.Type).Annotations(entgql.Skip(entgql.SkipWhereInput)),
		edge.To("accounts", Account.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes: the issuer's listing by status and expiry, a customer's coupons, a quota's.
func (Coupon) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "status", "valid_until"),
		index.Fields("customer_id", "status", "valid_until"),
		index.Fields("quota_id"),
	}
}

// Annotations: listed as coupons (privacy narrows the list; the resolver leaves out coupons
// expired more than a year ago); a coupon's face value is positive.
func (Coupon) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(), entgql.QueryField(),
		entsql.Checks(map[string]string{"coupon_face_value_positive": "face_value > 0"}),
	}
}
