package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/partnercenter/partnercenter/internal/gid"
)

// CustomerWhitelist is one customer a government partner may issue coupons to (客户白名单); the
// partner's admin maintains the list.
type CustomerWhitelist struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (CustomerWhitelist) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixCustomerWhitelist}, TimeMixin{}}
}

// Fields of a whitelist entry.
func (CustomerWhitelist) Fields() []ent.Field {
	return []ent.Field{
		field.String("partner_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")).Immutable(),
		field.String("customer_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")).Immutable(),
	}
}

// Indexes: a customer is on a partner's list once.
func (CustomerWhitelist) Indexes() []ent.Index {
	return []ent.Index{index.Fields("partner_id", "customer_id").Unique()}
}

// Annotations: listed as customerWhitelists (the admin's own partner's).
func (CustomerWhitelist) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
