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

// Association (关联) links one customer to one partner for a period, in advisory (顾问销售) or resale
// (代售) mode. At most one is ACTIVE per customer; ended ones stay as history.
type Association struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (Association) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixAssociation}, TimeMixin{}}
}

// Fields of an association.
func (Association) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(gid.ID("")).Immutable(),
		field.String("partner_id").GoType(gid.ID("")).Immutable(),
		field.Enum("type").Values("ADVISORY", "RESALE"),
		field.Enum("status").Values("ACTIVE", "ENDED").Default("ACTIVE"),
		field.Time("since").Default(time.Now).Annotations(entgql.OrderField("SINCE")),
		field.Time("ended_at").Optional().Nillable(),
	}
}

// Edges of an association.
func (Association) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("associations").Field("customer_id").
			Unique().Required().Immutable(),
		edge.From("partner", Partner.Type).Ref("associations").Field("partner_id").
			Unique().Required().Immutable(),
	}
}

// Indexes of an association.
func (Association) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("customer_id", "since"),
		index.Fields("partner_id", "status", "since"),
	}
}

// Annotations expose associations as a Relay connection.
func (Association) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
