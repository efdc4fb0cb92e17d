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
)

// AssociationEvent (关联关系操作记录) is one step of a customer's association with a partner:
// associating, switching type, a disassociation request and its decision, freezing, migration.
// Requests are PENDING until the other side decides; the partner and the customer both see them.
type AssociationEvent struct{ ent.Schema }

// Mixin adds the ID.
func (AssociationEvent) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixAssociationEvent}}
}

// Fields of an association event.
func (AssociationEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.String("customer_id").GoType(gid.ID("")).Immutable(),
		field.String("partner_id").GoType(gid.ID("")).Immutable(),
		field.Enum("kind").Immutable().Values(
			"ASSOCIATED", "TYPE_SWITCHED", "DISASSOCIATION_REQUESTED", "DISASSOCIATED",
			"FROZEN", "UNFROZEN", "MIGRATED_IN", "MIGRATED_OUT"),
		field.Enum("initiator").Immutable().Values("PARTNER", "CUSTOMER", "PLATFORM").
			Comment("which side acted or asked"),
		field.Enum("from_type").Values("ADVISORY", "RESALE").Optional().Nillable().Immutable(),
		field.Enum("to_type").Values("ADVISORY", "RESALE").Optional().Nillable().Immutable(),
		field.String("reason").Optional().MaxLen(500).Immutable(),
		field.Enum("status").Values("PENDING", "APPROVED", "REJECTED", "DONE").Default("DONE"),
		field.String("operator_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("operator_name").Optional().MaxLen(100).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("decided_by_name").Optional().MaxLen(100).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Time("decided_at").Optional().Nillable(),
		field.String("decision_reason").Optional().MaxLen(500).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
	}
}

// Edges of an association event.
func (AssociationEvent) Edges() []ent.Edge {
	return []ent.Edge{
		// In GraphQL these are nullable fields resolved in graph/ (a customer that left its
		// partner is no longer visible to it, yet the history stays readable).
		edge.From("customer", Customer.Type).Ref("association_events").Field("customer_id").
			Unique().Required().Immutable().Annotations(entgql.Skip(entgql.SkipType)),
		edge.From("partner", Partner.Type).Ref("association_events").Field("partner_id").
			Unique().Required().Immutable().Annotations(entgql.Skip(entgql.SkipType)),
	}
}

// Indexes: a customer's history, a partner's records, and the 3-month rule's look-up.
func (AssociationEvent) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("customer_id", "created_at"),
		index.Fields("partner_id", "created_at"),
		index.Fields("partner_id", "status"),
	}
}

// Annotations expose events as a Relay connection.
func (AssociationEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
