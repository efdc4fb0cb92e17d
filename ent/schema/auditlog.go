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

// AuditLog (审计日志) records who did what, to whom, when, from where and why: sensitive
// reveals (and refusals), logins, settings and key changes; later money and coupon operations.
// Rows are only ever inserted. It never holds a raw personal value.
type AuditLog struct{ ent.Schema }

// Mixin adds the ID.
func (AuditLog) Mixin() []ent.Mixin {
	return []ent.Mixin{IDMixin{prefix: gid.PrefixAuditLog}}
}

// Fields of an audit record.
func (AuditLog) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").Default(time.Now).Immutable().
			Annotations(entgql.OrderField("CREATED_AT")),
		field.Enum("action").Immutable().Values(
			"LOGIN", "LOGIN_FAILED", "LOGOUT", "PASSWORD_CHANGED",
			"REVEAL", "API_KEY_CREATED", "API_KEY_REVOKED",
			"TOTP_ENROLLED", "TOTP_DISABLED", "STEP_UP_VERIFIED", "STEP_UP_FAILED", "SETTINGS_CHANGED",
			"RECHARGE", "ALLOCATE", "RECLAIM", "BATCH_ALLOCATE", "WITHDRAW", "RECLAIM_ON_DISASSOCIATION",
			"QUOTA_GRANT", "QUOTA_ADJUST", "QUOTA_STATUS", "QUOTA_TO_RESELLERS", "QUOTA_FROM_RESELLER",
			"COUPON_ISSUE", "COUPON_RECLAIM", "COUPON_AUTO_RECLAIM", "WHITELIST_CHANGED",
			"CATALOGUE_CHANGED",
		),
		field.Enum("outcome").Immutable().Values("ALLOWED", "DENIED").Default("ALLOWED"),
		field.String("actor_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the user who acted; null for a failed login of an unknown email"),
		field.String("actor_name").Optional().Immutable().MaxLen(100).
			Comment("the actor's display name at the time"),
		field.String("api_key_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the API key the actor used, if any"),
		field.String("partner_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the partner whose log this belongs to (the tenant); null for platform-only records"),
		field.String("acting_for_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)).
			Comment("the reseller a distributor acted for"),
		field.String("target_type").Optional().Immutable().MaxLen(40),
		field.String("target_id").GoType(gid.ID("")).Optional().Nillable().Immutable().
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("sensitive_field").Optional().Immutable().MaxLen(40).Comment("which sensitive field, for reveals"),
		field.String("reason").Optional().Immutable().MaxLen(500),
		field.String("detail").Optional().Immutable().MaxLen(500).
			Comment("why it was refused, or what changed; never a personal value"),
		field.String("remote_addr").Optional().Immutable().MaxLen(64).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("request_id").Optional().Immutable().MaxLen(64).
			Annotations(entgql.Skip(entgql.SkipWhereInput)),
		field.String("subject_hash").Optional().Immutable().MaxLen(64).Sensitive().
			Comment("sha256 of a login email, for throttling without storing it"),
	}
}

// Indexes of the audit log: a partner's pages, and the throttling look-ups.
func (AuditLog) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("partner_id", "created_at"),
		index.Fields("actor_id", "action", "created_at"),
		index.Fields("action", "subject_hash", "created_at"),
		index.Fields("action", "remote_addr", "created_at"),
	}
}

// Annotations expose the log as a Relay connection.
func (AuditLog) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
