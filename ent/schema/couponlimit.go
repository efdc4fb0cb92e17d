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
)

// CouponLimit is one usage rule (使用限制) of a quota or of a coupon, held as key and value rows
// the same way on both (a coupon's must lie within its quota's). The value's encoding per key:
//
//   - PRODUCTS: product codes, comma-separated ("ecs,rds"); no row = any product.
//   - SERVICE_TYPES: cloud service type codes, comma-separated; no row = any.
//   - ORDER_TYPES: of NEW (新购), RENEWAL (续费), CHANGE (变更), comma-separated.
//   - BILLING_SCOPE: SUBSCRIPTION, ON_DEMAND or BOTH.
//   - MIN_ORDER_AMOUNT: an amount in yuan with two places ("100.00"), 最小可用订单额.
//   - MAX_ORDER_SHARE: a percentage of the order's total, 1-100 ("30"), 使用限制比例 (pickup and
//     cash coupons; on-demand orders exempt).
//   - NO_BUSINESS_DISCOUNT: "true" (not with a business discount, 订单折扣限制).
type CouponLimit struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (CouponLimit) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixCouponLimit}, TimeMixin{}}
}

// Fields of a limit.
func (CouponLimit) Fields() []ent.Field {
	return []ent.Field{
		field.String("quota_id").GoType(gid.ID("")).Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("coupon_id").GoType(gid.ID("")).Optional().Nillable().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		field.Enum("limit_key").Immutable().Values("PRODUCTS", "SERVICE_TYPES", "ORDER_TYPES", "BILLING_SCOPE",
			"MIN_ORDER_AMOUNT", "MAX_ORDER_SHARE", "NO_BUSINESS_DISCOUNT"),
		field.String("value").MaxLen(2000).Comment("encoded per key, see the type's doc comment"),
	}
}

// Edges of a limit: its quota or its coupon.
func (CouponLimit) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("quota", CouponQuota.Type).Ref("limits").Field("quota_id").Unique().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("coupon", Coupon.Type).Ref("limits").Field("coupon_id").Unique().Immutable().Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes: one row per key of an owner.
func (CouponLimit) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("quota_id", "limit_key").Unique(),
		index.Fields("coupon_id", "limit_key").Unique(),
	}
}

// Annotations: shown on its quota or coupon (no list of its own); a limit belongs to a quota or
// a coupon, never both.
func (CouponLimit) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.Skip(entgql.SkipWhereInput),
		entsql.Checks(map[string]string{"coupon_limit_one_owner": "((quota_id IS NULL) <> (coupon_id IS NULL))"}),
	}
}
