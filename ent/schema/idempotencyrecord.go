package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/partnercenter/partnercenter/internal/gid"
)

// IdempotencyRecord remembers a money operation by its idempotency key, per partner, for at least
// 24 hours: a retry with the same arguments gets the first answer again without a second effect;
// other arguments under the same key are a CONFLICT. It lives in the database, so every server
// instance agrees.
type IdempotencyRecord struct{ ent.Schema }

// Mixin adds the ID.
func (IdempotencyRecord) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixIdempotency}}
}

// Fields of a record.
func (IdempotencyRecord) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable(),
		field.String("scope").NotEmpty().MaxLen(64).Immutable().Comment("the partner (or user) the key belongs to"),
		field.String("key").NotEmpty().MaxLen(100).Immutable(),
		field.String("operation").NotEmpty().MaxLen(60).Immutable(),
		field.String("request_hash").NotEmpty().MaxLen(64).Immutable(),
		field.Text("response").Optional().Comment("the first answer, as JSON"),
		field.Time("expires_at").Immutable(),
	}
}

// Indexes: one record per key and scope.
func (IdempotencyRecord) Indexes() []ent.Index {
	return []ent.Index{index.Fields("scope", "key").Unique(), index.Fields("expires_at")}
}

// Annotations keep the records out of GraphQL.
func (IdempotencyRecord) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
