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

// LedgerEntry is one line of a journal on one account (收支明细): a signed amount (credit
// positive, debit negative) and the account's balance after it. On PostgreSQL a trigger refuses
// UPDATE and DELETE on this table.
type LedgerEntry struct{ ent.Schema }

// Mixin adds the ID.
func (LedgerEntry) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixEntry}}
}

// Fields of an entry.
func (LedgerEntry) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.String("journal_id").GoType(gid.ID("")).Immutable(),
		field.String("account_id").GoType(gid.ID("")).Immutable(),
		field.Int64("amount").GoType(money.Money{}).Immutable().
			Annotations(entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)),
		field.Int64("balance_after").GoType(money.Money{}).Immutable().
			Annotations(entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)),
	}
}

// Edges of an entry.
func (LedgerEntry) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("journal", Journal.Type).Ref("entries").Field("journal_id").Unique().Required().Immutable(),
		edge.From("account", Account.Type).Ref("entries").Field("account_id").Unique().Required().Immutable(),
	}
}

// Indexes: an account's statement by time.
func (LedgerEntry) Indexes() []ent.Index {
	return []ent.Index{index.Fields("account_id", "created_at"), index.Fields("journal_id")}
}

// Annotations expose entries as a Relay connection.
func (LedgerEntry) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
