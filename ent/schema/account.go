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
// Voucher quotas and coupon balances become further kinds. Balances change only with entries.
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
			Values("EXTERNAL", "PARTNER_CASH", "CUSTOMER_OWN", "CUSTOMER_ALLOCATED"),
		field.String("partner_id").GoType(gid.ID("")).Optional().Nillable().Immutable(),
		field.String("customer_id").GoType(gid.ID("")).Optional().Nillable().Immutable(),
		field.String("owner_key").NotEmpty().MaxLen(64).Unique().Immutable().
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("kind and owner in one unique key (EXTERNAL, PARTNER_CASH:ptr_..., CUSTOMER_OWN:cus_...): one account of a kind per owner, found by one index"),
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
		edge.To("entries", LedgerEntry.Type).Annotations(entgql.RelayConnection()),
	}
}

// Indexes: a partner's and a customer's accounts.
func (Account) Indexes() []ent.Index {
	return []ent.Index{index.Fields("partner_id"), index.Fields("customer_id")}
}

// Annotations: the database refuses a negative balance whatever path writes it.
func (Account) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Checks(map[string]string{"account_balance_non_negative": "balance >= 0 OR kind = 'EXTERNAL'"}),
		entgql.RelayConnection(),
		entgql.QueryField(),
	}
}
