package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/partnercenter/partnercenter/internal/gid"
)

// User is a person who logs in: a platform operator, a partner's staff (admin 主账号, supervisor 主管,
// customer manager 客户经理), or a customer's own user.
type User struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (User) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixUser}, TimeMixin{}}
}

// Fields of a user.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").NotEmpty().MaxLen(254).Unique().
			Annotations(entgql.Skip(entgql.SkipWhereInput), Sensitive("EMAIL")),
		field.String("display_name").NotEmpty().MaxLen(100),
		field.String("password_hash").Sensitive().NotEmpty(),
		field.Enum("role").
			Values("PLATFORM_OPERATOR", "PARTNER_ADMIN", "SUPERVISOR", "CUSTOMER_MANAGER", "CUSTOMER"),
		field.String("partner_id").GoType(gid.ID("")).Optional().Nillable(),
		field.String("customer_id").GoType(gid.ID("")).Optional().Nillable(),
		field.String("supervisor_id").GoType(gid.ID("")).Optional().Nillable().
			Comment("the supervisor (主管) of a customer manager"),
		field.Time("password_changed_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipAll)),
		field.String("totp_secret").Optional().Nillable().Sensitive().
			Comment("the enrolled authenticator's secret"),
		field.String("totp_pending_secret").Optional().Nillable().Sensitive().
			Comment("a secret being enrolled, until a first code confirms it"),
		field.Int64("totp_last_step").Default(0).
			Annotations(entgql.Skip(entgql.SkipAll)).
			Comment("the last accepted time step: a code is accepted once"),
	}
}

// Edges of a user.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", Partner.Type).Ref("users").Field("partner_id").Unique(),
		edge.From("customer", Customer.Type).Ref("users").Field("customer_id").Unique(),
		edge.To("managed", User.Type).From("supervisor").Field("supervisor_id").Unique().
			Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("assigned_customers", Customer.Type).Annotations(entgql.RelayConnection()),
		edge.To("sessions", Session.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("manager_assignments", ManagerAssignment.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of a user.
func (User) Indexes() []ent.Index {
	return []ent.Index{index.Fields("partner_id"), index.Fields("customer_id")}
}

// Annotations expose users as a Relay connection.
func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
