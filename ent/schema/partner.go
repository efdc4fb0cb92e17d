package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
)

// Partner is a partner company (伙伴): a solution provider, a distributor, a cloud reseller under a
// distributor, a government-subsidy or a government-cloud partner. Money, quotas and incentives
// hang off it in later tables keyed by partner_id.
type Partner struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (Partner) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixPartner}, TimeMixin{}}
}

// Fields of a partner.
func (Partner) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(200).
			Annotations(entgql.OrderField("NAME")),
		field.Enum("kind").
			Values("SOLUTION_PROVIDER", "DISTRIBUTOR", "CLOUD_RESELLER", "GOV_SUBSIDY", "GOV_CLOUD").
			Comment("伙伴类型"),
		field.String("distributor_id").GoType(gid.ID("")).Optional().Nillable().
			Comment("the distributor (总经销商) of a cloud reseller"),
		field.String("program_name").Optional().Nillable().MaxLen(100).Comment("伙伴计划"),
		field.String("program_level").Optional().Nillable().MaxLen(50).Comment("等级"),
		field.Bool("business_verified").Default(false).Comment("商业信息认证"),
		field.Bool("require_step_up").Default(false).
			Comment("money, coupon and reveal operations need a fresh authenticator code (验证码验证)"),
		field.Int64("credit_limit").GoType(money.Money{}).
			DefaultFunc(func() money.Money { return money.Zero }).
			Annotations(entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("credit granted by the platform (授信额度)"),
	}
}

// Edges of a partner.
func (Partner) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("resellers", Partner.Type).Annotations(entgql.RelayConnection()).
			From("distributor").Field("distributor_id").Unique(),
		edge.To("users", User.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("customers", Customer.Type).Annotations(entgql.RelayConnection()),
		edge.To("associations", Association.Type).Annotations(entgql.RelayConnection()),
		edge.To("association_events", AssociationEvent.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("accounts", Account.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("applications_sent", ResellerApplication.Type).Annotations(entgql.Skip(entgql.SkipAll)),
		edge.To("applications_received", ResellerApplication.Type).Annotations(entgql.Skip(entgql.SkipAll)),
	}
}

// Indexes of a partner.
func (Partner) Indexes() []ent.Index {
	return []ent.Index{index.Fields("distributor_id"), index.Fields("kind")}
}

// Annotations expose partners as a Relay connection.
func (Partner) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.MultiOrder(),
	}
}
