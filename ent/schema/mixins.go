package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/mixin"

	"github.com/partnercenter/partnercenter/internal/gid"
)

// IDMixin gives an entity a prefixed-ULID primary key (see internal/gid).
type IDMixin struct {
	mixin.Schema
	prefix string
}

// Fields declares the id.
func (m IDMixin) Fields() []ent.Field {
	prefix := m.prefix
	return []ent.Field{
		field.String("id").
			GoType(gid.ID("")).
			MaxLen(40).
			NotEmpty().
			Immutable().
			DefaultFunc(func() gid.ID { return gid.New(prefix) }),
	}
}

// TimeMixin records when a row was created and last changed.
type TimeMixin struct{ mixin.Schema }

// Fields declares created_at and updated_at.
func (TimeMixin) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.Time("updated_at").Default(time.Now).UpdateDefault(time.Now).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
	}
}
