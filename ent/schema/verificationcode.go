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

// VerificationCode is an SMS code sent to a mobile before registering a customer (发送验证码).
// Only hashes are kept; a code expires and is accepted once.
type VerificationCode struct{ ent.Schema }

// Mixin adds the ID.
func (VerificationCode) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixVerificationCode}}
}

// Fields of a code.
func (VerificationCode) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable(),
		field.String("purpose").NotEmpty().MaxLen(40).Immutable(),
		field.String("target_hash").NotEmpty().MaxLen(64).Immutable().Sensitive(),
		field.String("code_hash").NotEmpty().MaxLen(64).Immutable().Sensitive(),
		field.Time("expires_at").Immutable(),
		field.Time("used_at").Optional().Nillable(),
		field.Int("attempts").Default(0),
	}
}

// Indexes of codes.
func (VerificationCode) Indexes() []ent.Index {
	return []ent.Index{index.Fields("purpose", "target_hash", "created_at")}
}

// Annotations keep codes out of GraphQL.
func (VerificationCode) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip(entgql.SkipAll)}
}
