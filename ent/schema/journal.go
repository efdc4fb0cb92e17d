package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
)

// Journal is one movement of money (调账): its entries sum to zero. Journals and entries are never
// updated or deleted; a correction is a reversing journal.
type Journal struct{ ent.Schema }

// Mixin adds the ID.
func (Journal) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixJournal}}
}

// Fields of a journal.
func (Journal) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.Enum("kind").Immutable().Values(
			"RECHARGE", "ALLOCATE", "RECLAIM", "RECLAIM_ON_DISASSOCIATION", "WITHDRAW", "REVERSAL",
			// Coupon value (DESIGN.md §7): quota granted or adjusted by the platform, quota issued to
			// or reclaimed from a reseller, a coupon issued out of a quota or reclaimed into it.
			"QUOTA_GRANT", "QUOTA_ADJUST", "QUOTA_TO_RESELLER", "QUOTA_FROM_RESELLER", "COUPON_ISSUE", "COUPON_RECLAIM"),
		field.String("transaction_no").NotEmpty().Unique().Immutable().MaxLen(40).
			Comment("the transaction id shown to people (交易流水号)"),
		field.Int64("amount").GoType(money.Money{}).Immutable().
			Annotations(entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("the amount moved (positive)"),
		field.String("partner_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the partner whose records this belongs to"),
		field.String("counterparty_partner_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the other partner: a reseller a distributor allocated to"),
		field.String("customer_id").GoType(gid.ID("")).Optional().Nillable().Immutable(),
		field.String("acting_for_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the reseller a distributor acted for"),
		field.String("operator_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("operator_name").Optional().MaxLen(100).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("idempotency_key").Optional().MaxLen(100).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("reason").Optional().MaxLen(500).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("batch_id").Optional().MaxLen(40).Immutable().
			Comment("journals of one batch allocation share it"),
	}
}

// Edges of a journal.
func (Journal) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("entries", LedgerEntry.Type),
		edge.From("customer", Customer.Type).Ref("journals").Field("customer_id").Unique().Immutable(),
	}
}

// Indexes: a partner's records by time, kind and customer.
func (Journal) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "created_at"),
		index.Fields("counterparty_partner_id", "created_at"),
		index.Fields("customer_id", "created_at"),
	}
}

// Annotations expose journals as a Relay connection.
func (Journal) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
