package schema

import (
	"time"

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

// Account is one balance in the double-entry ledger (账户): the platform's EXTERNAL account (the
// world outside: recharges come from it, withdrawals go to it; the only one allowed below zero),
// a partner's cash, a customer's own recharged balance and what its partner allocated to it.
// a coupon quota's balance (COUPON_QUOTA) and a coupon's (COUPON). Balances change only with entries.
type Account struct{ ent.Schema }

// Mixin adds the ID.
func (Account) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixAccount}}
}

// Fields of an account.
func (Account) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable(),
		field.Enum("kind").Immutable().
			Values("EXTERNAL", "PARTNER_CASH", "CUSTOMER_OWN", "CUSTOMER_ALLOCATED", "COUPON_QUOTA", "COUPON"),
		field.String("partner_id").GoType(gid.ID("")).Optional().Nillable().Immutable(),
		field.String("customer_id").GoType(gid.ID("")).Optional().Nillable().Immutable(),
		field.String("quota_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("the coupon quota whose balance this is (COUPON_QUOTA)"),
		field.String("coupon_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("the coupon whose balance this is (COUPON)"),
		field.String("owner_key").NotEmpty().MaxLen(64).Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("kind and owner in one unique key (EXTERNAL, PARTNER_CASH:ptr_..., CUSTOMER_OWN:cus_..., COUPON_QUOTA:cqt_..., COUPON:cpn_...): one account of a kind per owner, found by one index"),
		field.Int64("balance").GoType(money.Money{}).
			DefaultFunc(func() money.Money { return money.Zero }).
			Annotations(entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)),
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now),
	}
}

// Edges of an account.
func (Account) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", Partner.Type).Ref("accounts").Field("partner_id").Unique().Immutable(),
		edge.From("customer", Customer.Type).Ref("accounts").Field("customer_id").Unique().Immutable(),
		edge.From("quota", CouponQuota.Type).Ref("accounts").Field("quota_id").Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.From("coupon", Coupon.Type).Ref("accounts").Field("coupon_id").Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("entries", LedgerEntry.Type).Annotations(entgql.RelayConnection()),
	}
}

// Indexes: a partner's, a customer's, a quota's and a coupon's accounts.
func (Account) Indexes() []ent.Index {
	return []ent.Index{index.Fields("partner_id"), index.Fields("customer_id"), index.Fields("quota_id"), index.Fields("coupon_id")}
}

// Annotations: the database refuses a negative balance whatever path writes it.
func (Account) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Checks(map[string]string{"account_balance_non_negative": "balance >= 0 OR kind = 'EXTERNAL'"}),
		entgql.RelayConnection(),
		entgql.QueryField(),
	}
}
