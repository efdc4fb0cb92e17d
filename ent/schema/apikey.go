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

// APIKey lets a partner's own system call the API (the AK/SK of the seeds). The key is shown once;
// only its visible prefix and a hash are kept.
type APIKey struct{ ent.Schema }

// Mixin adds the ID.
func (APIKey) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixAPIKey}}
}

// Fields of an API key.
func (APIKey) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.String("partner_id").GoType(gid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("created_by_id").GoType(gid.ID("")).Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("name").NotEmpty().MaxLen(100),
		field.String("prefix").NotEmpty().Unique().Immutable().MaxLen(32).
			Comment("the visible start of the key, e.g. pck_a1b2c3d4"),
		field.String("secret_hash").NotEmpty().Immutable().Sensitive(),
		field.Enum("scope").Values("READ", "READ_WRITE").Immutable(),
		field.Time("last_used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

// Edges of an API key.
func (APIKey) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("created_by", User.Type).Field("created_by_id").Unique().Required().Immutable(),
	}
}

// Indexes of API keys.
func (APIKey) Indexes() []ent.Index {
	return []ent.Index{index.Fields("partner_id", "created_at")}
}

// Annotations expose keys as a Relay connection.
func (APIKey) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField("apiKeys")}
}
