// Package audit appends to the audit log (审计日志). Record writes in the caller's transaction, so
// an operation and its record commit together. RecordRefusal is for refusals: the operation's
// transaction is rolled back, yet the refusal must stay on record, so inside a GraphQL request it
// is written after the transaction ends (see Deferred).
package audit

import (
	"context"
	"sync"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/auditlog"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/reqinfo"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// Entry is one audit record; the actor, partner, address and request ID come from the context.
type Entry struct {
	Action      auditlog.Action
	Denied      bool
	TargetType  string
	TargetID    gid.ID
	Field       string
	Reason      string
	Detail      string
	ActingFor   gid.ID
	SubjectHash string
	// PartnerID overrides the tenant (for records made without a viewer, e.g. failed logins).
	PartnerID gid.ID
	// ActorID and ActorName override the viewer (failed logins).
	ActorID   gid.ID
	ActorName string
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

func (e Entry) create(ctx context.Context, c *ent.Client) *ent.AuditLogCreate {
	v := viewer.FromContext(ctx)
	info := reqinfo.FromContext(ctx)
	q := c.AuditLog.Create().SetAction(e.Action).
		SetRemoteAddr(truncate(info.RemoteAddr, 64)).SetRequestID(truncate(info.RequestID, 64)).
		SetTargetType(e.TargetType).SetSensitiveField(e.Field).
		SetReason(truncate(e.Reason, 500)).SetDetail(truncate(e.Detail, 500)).SetSubjectHash(e.SubjectHash)
	if e.Denied {
		q.SetOutcome(auditlog.OutcomeDENIED)
	}
	if e.TargetID != "" {
		q.SetTargetID(e.TargetID)
	}
	if e.ActingFor != "" {
		q.SetActingForID(e.ActingFor)
	}
	actor, name, partner := e.ActorID, e.ActorName, e.PartnerID
	if v != nil {
		if actor == "" {
			actor, name = v.UserID, v.DisplayName
		}
		if partner == "" {
			partner = v.PartnerID
		}
		if v.APIKeyID != "" {
			q.SetAPIKeyID(v.APIKeyID)
		}
	}
	if actor != "" {
		q.SetActorID(actor).SetActorName(truncate(name, 100))
	}
	if partner != "" {
		q.SetPartnerID(partner)
	}
	return q
}

// Builder is the create builder Record runs, for callers that write the record in a statement
// of their own (internal/ledger). The record must be the viewer's own action, which is what the
// AuditLog policy Record goes through allows.
func Builder(ctx context.Context, c *ent.Client, e Entry) *ent.AuditLogCreate {
	return e.create(ctx, c)
}

// Record appends e using c (pass the operation's transaction client).
func Record(ctx context.Context, c *ent.Client, e Entry) error {
	return e.create(ctx, c).Exec(ctx)
}

// Deferred collects writes that must survive the request's transaction, refusals above all, to
// be done by Flush after that transaction has ended (committed or rolled back).
type Deferred struct {
	mu    sync.Mutex
	funcs []deferredWrite
}

type deferredWrite struct {
	ctx context.Context
	fn  func(ctx context.Context, c *ent.Client) error
}

type deferredKey struct{}

// WithDeferred returns ctx collecting durable writes into d.
func WithDeferred(ctx context.Context, d *Deferred) context.Context {
	return context.WithValue(ctx, deferredKey{}, d)
}

// Durable runs fn so that its effect survives a rollback of the current operation: after the
// request's transaction when the request collects such writes, else at once with c.
func Durable(ctx context.Context, c *ent.Client, fn func(ctx context.Context, c *ent.Client) error) error {
	if d, ok := ctx.Value(deferredKey{}).(*Deferred); ok {
		d.mu.Lock()
		d.funcs = append(d.funcs, deferredWrite{ctx: ctx, fn: fn})
		d.mu.Unlock()
		return nil
	}
	return fn(ctx, c)
}

// RecordRefusal records a refusal so that it survives the rollback of the refused operation.
func RecordRefusal(ctx context.Context, c *ent.Client, e Entry) error {
	e.Denied = true
	return Durable(ctx, c, func(ctx context.Context, c *ent.Client) error { return Record(ctx, c, e) })
}

// Flush does the collected writes with c (the shared client, outside any transaction).
func (d *Deferred) Flush(c *ent.Client) error {
	d.mu.Lock()
	funcs := d.funcs
	d.funcs = nil
	d.mu.Unlock()
	for _, w := range funcs {
		if err := w.fn(ent.NewContext(w.ctx, c), c); err != nil { // not the rolled-back transaction
			return err
		}
	}
	return nil
}
