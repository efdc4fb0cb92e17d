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
	"github.com/partnercenter/partnercenter/internal/money"
)

// The product catalogue (DOMAIN.md section 5): cloud service types (云服务类型) and their
// products. Codes are the stable keys: coupon limits (CouponLimit PRODUCTS, SERVICE_TYPES)
// and, later, orders and consumption name products and service types by code.

// ServiceType is one cloud service type (云服务类型): compute, block storage, object storage...
type ServiceType struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (ServiceType) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixServiceType}, TimeMixin{}}
}

// Fields of a service type.
func (ServiceType) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").NotEmpty().MaxLen(64).Unique().Immutable().
			Annotations(entgql.OrderField("CODE")).
			Comment("the stable key (\"compute\"), named by coupon limits"),
		field.String("name_zh").NotEmpty().MaxLen(100),
		field.String("name_en").NotEmpty().MaxLen(100),
		field.Int("sort_order").Default(0).Annotations(entgql.OrderField("SORT_ORDER")).
			Comment("display order, smallest first"),
	}
}

// Edges of a service type: its products.
func (ServiceType) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("products", Product.Type).Annotations(entgql.RelayConnection()),
	}
}

// Annotations: listed as serviceTypes.
func (ServiceType) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// Product is one product of the catalogue with its spec (规格) and prices: what may be bought
// as a subscription (包年/包月, priced per month) and used on demand (按需, priced per unit).
type Product struct{ ent.Schema }

// Mixin adds the ID and timestamps.
func (Product) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixProduct}, TimeMixin{}}
}

// Fields of a product.
func (Product) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").NotEmpty().MaxLen(64).Unique().Immutable().
			Annotations(entgql.OrderField("CODE")).
			Comment("the stable key (\"ecs.c7.large\"), named by coupon limits"),
		field.String("service_type_id").GoType(gid.ID("")).Annotations(entgql.Type("ID")),
		field.String("name_zh").NotEmpty().MaxLen(100),
		field.String("name_en").NotEmpty().MaxLen(100),
		field.String("spec").MaxLen(500).Default("").
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("规格, as shown (\"2 vCPU, 4 GiB\")"),
		// Lists are comma-separated codes, as in coupon limits (no JSON columns: the driver
		// sends parameters in binary, which jsonb refuses).
		field.String("billing_modes").NotEmpty().MaxLen(100).
			Comment("of SUBSCRIPTION (包年/包月) and ON_DEMAND (按需), comma-separated; at least one"),
		field.String("order_types").NotEmpty().MaxLen(100).
			Comment("of NEW, RENEWAL, CHANGE and UNSUBSCRIBE, comma-separated; at least one"),
		field.Int64("monthly_price").GoType(money.Money{}).
			DefaultFunc(func() money.Money { return money.Zero }).
			Annotations(entsql.Default("0"), entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("the subscription list price per month (官网价), CNY"),
		field.Int64("on_demand_price").GoType(money.Money{}).
			DefaultFunc(func() money.Money { return money.Zero }).
			Annotations(entsql.Default("0"), entgql.Type("Decimal"), entgql.Skip(entgql.SkipWhereInput)).
			Comment("the on-demand list price per unit, CNY"),
		field.String("on_demand_unit").MaxLen(32).Default("").
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the on-demand unit (\"HOUR\", \"GB\", \"GB_MONTH\", \"10K_REQUESTS\"), empty without on-demand"),
		field.String("regions").MaxLen(1000).Default("").
			Comment("the region codes it is sold in, comma-separated (\"cn-north-1,cn-east-2\")"),
		field.Enum("status").Values("ACTIVE", "RETIRED").Default("ACTIVE"),
	}
}

// Edges of a product: its service type.
func (Product) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("service_type", ServiceType.Type).Ref("products").Field("service_type_id").Unique().Required(),
	}
}

// Indexes: a service type's products.
func (Product) Indexes() []ent.Index {
	return []ent.Index{index.Fields("service_type_id", "status")}
}

// Annotations: listed as products; prices are not negative.
func (Product) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(), entgql.QueryField(),
		entsql.Checks(map[string]string{
			"product_prices_not_negative": "monthly_price >= 0 AND on_demand_price >= 0",
		}),
	}
}
