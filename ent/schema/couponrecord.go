package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
)

// CouponRecord is one quota or coupon operation (发放回收记录), append-only like journals: the
// database refuses to change or delete one. Its type is one of DOMAIN.md's nine coupon types,
// numbered as the real system numbers them:
//
//	1 ISSUED, 2 RECLAIMED_BY_HAND, 3 RECLAIMED_ON_DISASSOCIATION, 4 RECLAIMED_ON_EXPIRY,
//	5 RECLAIMED_ON_UNSUBSCRIBE, 6 REVOKED_ON_RECHARGE_REFUND, 7 RECLAIMED_ON_ASSOCIATION,
//	8 RECLAIMED_ON_TYPE_SWITCH, 9 RECLAIMED_ON_TRANSFER_TO_RESELLER
//
// or a quota operation: QUOTA_GRANTED (by the platform), QUOTA_ISSUED_TO_RESELLER,
// QUOTA_RECLAIMED_FROM_RESELLER, QUOTA_ADJUSTED.
type CouponRecord struct{ ent.Schema }

// Mixin adds the ID.
func (CouponRecord) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixCouponRecord}}
}

// Fields of a record.
func (CouponRecord) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().Annotations(entgql.OrderField("CREATED_AT")),
		field.Enum("type").Immutable().Values(
			"ISSUED", "RECLAIMED_BY_HAND", "RECLAIMED_ON_DISASSOCIATION", "RECLAIMED_ON_EXPIRY",
			"RECLAIMED_ON_UNSUBSCRIBE", "REVOKED_ON_RECHARGE_REFUND", "RECLAIMED_ON_ASSOCIATION",
			"RECLAIMED_ON_TYPE_SWITCH", "RECLAIMED_ON_TRANSFER_TO_RESELLER",
			"QUOTA_GRANTED", "QUOTA_ISSUED_TO_RESELLER", "QUOTA_RECLAIMED_FROM_RESELLER", "QUOTA_ADJUSTED"),
		field.Int64("amount").GoType(money.Money{}).Immutable().
			DefaultFunc(func() money.Money { return money.Zero }).
			Annotations(entsql.Default("0"), entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("the amount actually moved (a reclaim: what was left)"),
		field.String("partner_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")).Immutable().
			Comment("the quota's holder, whose records these are"),
		field.String("quota_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")).Immutable().
			Comment("the quota operated on, or the source quota of a coupon"),
		field.String("coupon_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")).Optional().Nillable().Immutable(),
		field.String("customer_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")).Optional().Nillable().Immutable(),
		field.String("journal_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("the ledger journal that moved the value"),
		field.String("operator_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Type("ID"), entgql.Skip(entgql.SkipWhereInput)),
		field.String("operator_name").Optional().MaxLen(100).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("reason").Optional().MaxLen(500).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("why, as the operator gave it (a reclaim's reason, an adjustment's note)"),
	}
}

// Indexes: a partner's records by time, a coupon's, a customer's.
func (CouponRecord) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "created_at"),
		index.Fields("coupon_id"),
		index.Fields("customer_id", "created_at"),
		index.Fields("quota_id"),
	}
}

// Annotations: listed as couponRecords, filterable by type, quota, coupon, customer and time.
func (CouponRecord) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
