package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/partnercenter/partnercenter/internal/gid"
)

// Customer is a cloud customer (客户) with its own cloud account. Its current partner, association
// type and date are kept on the row (partner_id, association_type, associated_at) so that a
// partner's customer list is one indexed scan; Association keeps the history.
type Customer struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (Customer) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixCustomer}, TimeMixin{}}
}

// Fields of a customer. Personal data (name, account name, mobile, email) cannot be filtered by
// prefix or substring through GraphQL; exact matches are added by hand.
func (Customer) Fields() []ent.Field {
	noWhere := entgql.Skip(entgql.SkipWhereInput)
	return []ent.Field{
		field.String("account_name").NotEmpty().MaxLen(64).Unique().Comment("账号名").
			Annotations(noWhere, Sensitive("ACCOUNT_NAME")),
		field.String("name").NotEmpty().MaxLen(200).Comment("客户名称").
			Annotations(noWhere, Sensitive("NAME")),
		field.String("mobile").NotEmpty().MaxLen(32).Unique().
			Comment("country code-number, e.g. 0086-13912345678").
			Annotations(noWhere, Sensitive("MOBILE")),
		field.String("email").NotEmpty().MaxLen(254).Annotations(noWhere, Sensitive("EMAIL")),
		field.String("province_code").Optional().Nillable().MaxLen(12),
		field.String("city_code").Optional().Nillable().MaxLen(12),
		field.String("label").Optional().Nillable().MaxLen(50),
		field.String("remark").Optional().Nillable().MaxLen(500).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("partner_id").GoType(gid.ID("")).Optional().Nillable().
			Comment("the partner currently associated, if any"),
		field.Enum("association_type").Values("ADVISORY", "RESALE").Optional().Nillable(),
		field.Time("associated_at").Optional().Nillable().
			Annotations(entgql.OrderField("ASSOCIATED_AT")),
		field.String("manager_id").GoType(gid.ID("")).Optional().Nillable().
			Comment("the assigned customer manager (客户经理)"),
		field.Int("grace_period_days").Default(0).NonNegative().
			Comment("on-demand resource grace period (按需资源宽限期)").
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.Bool("frozen").Default(false).Comment("冻结"),
		field.Time("manager_assigned_at").Optional().Nillable().
			Comment("since when the current manager has the customer; the manager's figures count from it"),
	}
}

// Edges of a customer.
func (Customer) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", Partner.Type).Ref("customers").Field("partner_id").Unique(),
		edge.From("manager", User.Type).Ref("assigned_customers").Field("manager_id").Unique(),
		edge.To("associations", Association.Type).
			Annotations(entsql.OnDelete(entsql.Restrict)),
		edge.To("users", User.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("accounts", Account.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("journals", Journal.Type).Annotations(entgql.RelayConnection()),
		edge.To("association_events", AssociationEvent.Type).Annotations(entgql.RelayConnection()),
		edge.To("manager_assignments", ManagerAssignment.Type).Annotations(entgql.RelayConnection()),
		edge.To("coupons", Coupon.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of a customer: a partner's list ordered by creation or association date.
func (Customer) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "created_at"),
		// A partner's customers in the default order (by ID): its customers page, and the first
		// customers of each partner in a nested list (internal/dbx.LimitPerRow).
		index.Fields("partner_id", "id"),
		index.Fields("partner_id", "associated_at"),
		index.Fields("manager_id"),
		index.Fields("email"),
	}
}

// Annotations expose customers as a Relay connection.
func (Customer) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField(), entgql.MultiOrder()}
}
