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

// ManagerAssignment records that a customer was assigned to a customer manager (客户经理) from a
// date until another assignment ended it: the history behind a manager's figures, which count
// from the assignment date.
type ManagerAssignment struct{ ent.Schema }

// Mixin adds the ID.
func (ManagerAssignment) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixManagerAssignment}}
}

// Fields of an assignment.
func (ManagerAssignment) Fields() []ent.Field {
	return []ent.Field{
		field.String("customer_id").GoType(gid.ID("")).Immutable(),
		field.String("partner_id").GoType(gid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("manager_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Comment("null records an unassignment"),
		field.String("assigned_by_name").Optional().MaxLen(100).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Time("assigned_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("ASSIGNED_AT")),
		field.Time("ended_at").Optional().Nillable(),
	}
}

// Edges of an assignment.
func (ManagerAssignment) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("manager_assignments").Field("customer_id").
			Unique().Required().Immutable(),
		edge.From("manager", User.Type).Ref("manager_assignments").Field("manager_id").
			Unique().Immutable(),
	}
}

// Indexes of assignments.
func (ManagerAssignment) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id", "assigned_at"), index.Fields("manager_id", "assigned_at")}
}

// Annotations expose assignments as a Relay connection.
func (ManagerAssignment) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
