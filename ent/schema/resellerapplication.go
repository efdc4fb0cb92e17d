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

// ResellerApplication is a cloud reseller's application to cooperate with a distributor (合作申请),
// approved or rejected by the distributor, one by one or in batch (批量审批).
type ResellerApplication struct{ ent.Schema }

// Mixin adds the ID.
func (ResellerApplication) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixResellerApplication}}
}

// Fields of an application.
func (ResellerApplication) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.String("reseller_id").GoType(gid.ID("")).Immutable(),
		field.String("distributor_id").GoType(gid.ID("")).Immutable(),
		field.String("message").Optional().MaxLen(500).Immutable(),
		field.Enum("status").Values("PENDING", "APPROVED", "REJECTED").Default("PENDING"),
		field.String("decided_by_name").Optional().MaxLen(100).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Time("decided_at").Optional().Nillable(),
		field.String("decision_reason").Optional().MaxLen(500).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
	}
}

// Edges of an application.
func (ResellerApplication) Edges() []ent.Edge {
	return []ent.Edge{
		// In GraphQL: resellerName and distributorName (graph/): a distributor may not see an
		// applicant that is not yet its reseller.
		edge.From("reseller", Partner.Type).Ref("applications_sent").Field("reseller_id").
			Unique().Required().Immutable().Annotations(entgql.Skip(entgql.SkipType)),
		edge.From("distributor", Partner.Type).Ref("applications_received").Field("distributor_id").
			Unique().Required().Immutable().Annotations(entgql.Skip(entgql.SkipType)),
	}
}

// Indexes of applications.
func (ResellerApplication) Indexes() []ent.Index {
	return []ent.Index{index.Fields("distributor_id", "status", "created_at"), index.Fields("reseller_id", "created_at")}
}

// Annotations expose applications as a Relay connection.
func (ResellerApplication) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
