package ledger

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/lib/pq"
	"github.com/lib/pq/pqerror"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/idempotencyrecord"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/money"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// KeyTTL is how long an idempotency key is remembered (at least 24 hours).
const KeyTTL = 48 * time.Hour

// maxAttempts bounds the retries of a transaction that failed to serialise or deadlocked.
const maxAttempts = 5

// Outcome is what an operation did, kept under its idempotency key and replayed on a retry.
type Outcome struct {
	JournalIDs []gid.ID     `json:"journalIds,omitempty"`
	Rows       []RowOutcome `json:"rows,omitempty"`
	// Failed means nothing moved (a batch with a bad target): Rows say why.
	Failed bool `json:"failed,omitempty"`
	// Journals are the posted journals themselves on the first answer (a replay has only IDs),
	// so that the answer needs no second read.
	Journals []*ent.Journal `json:"-"`
	// learned marks an outcome that knows more than its plan (a reclaim's amounts, read under
	// its locks): the key's record is rewritten with it, so that a replay answers the same.
	learned bool
}

// RowOutcome is a batch's answer for one target.
type RowOutcome struct {
	ID        gid.ID `json:"id"`
	OK        bool   `json:"ok"`
	Code      string `json:"code,omitempty"`
	Reason    string `json:"reason,omitempty"`
	Message   string `json:"message,omitempty"`
	JournalID gid.ID `json:"journalId,omitempty"`
	// Object is what the row made (a coupon, a reseller's quota).
	Object gid.ID `json:"object,omitempty"`
	// Amount is what the row moved where it is not known beforehand (a reclaim's remaining balance).
	Amount money.Money `json:"amount"`
}

// CheckKey refuses keys that are empty, too long or not printable.
func CheckKey(key string) error {
	if key == "" || len(key) > 100 || strings.IndexFunc(key, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return apperr.BadInput("idempotencyKey", "an idempotency key is 1 to 100 printable characters (a UUID is a good choice)")
	}
	return nil
}

func scopeOf(v *viewer.Viewer) string {
	switch {
	case v.PartnerID != "":
		return "partner:" + string(v.PartnerID)
	case v.CustomerID != "":
		return "customer:" + string(v.CustomerID)
	}
	return "user:" + string(v.UserID)
}

func requestHash(op string, args any) (string, error) {
	b, err := json.Marshal(args)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(append([]byte(op+"\x00"), b...))
	return hex.EncodeToString(sum[:]), nil
}

// planned is the outcome an operation will have if it is not refused: the IDs of the n journals
// it will post, given before it runs (its postings use them), so that the claim of its key can
// store the outcome at once. (A refused operation rolls back, claim and all.)
func planned(n int) *Outcome {
	out := &Outcome{JournalIDs: make([]gid.ID, n)}
	for i := range out.JournalIDs {
		out.JournalIDs[i] = gid.New(gid.PrefixJournal)
	}
	return out
}

// run executes fn once per idempotency key, in a transaction that first claims the key (inserts
// its record, with the planned outcome), then does the work. A retry with the same key and
// arguments returns the stored outcome; other arguments get KEY_REUSED. Two concurrent requests
// with one key: the second waits on the key's unique index until the first commits, then replays
// its outcome. A refusal rolls everything back, the claim included (the key stays free for a
// corrected retry); so does an outcome marked Failed (a batch with a bad target). A serialization
// failure or deadlock retries the whole transaction. fn must post the planned journals.
func (l *Ledger) run(ctx context.Context, op, key string, args any, plan *Outcome, fn func(ctx context.Context, c *ent.Client) (*Outcome, error)) (*Outcome, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, apperr.New(apperr.Unauthenticated, "log in first")
	}
	if v.ReadOnly {
		return nil, apperr.New(apperr.Forbidden, "read-only credentials cannot move money")
	}
	if err := CheckKey(key); err != nil {
		return nil, err
	}
	hash, err := requestHash(op, args)
	if err != nil {
		return nil, err
	}
	scope := scopeOf(v)
	if rand.IntN(100) == 0 {
		defer l.forgetExpiredKeys(ctx)
	}
	for attempt := 1; ; attempt++ {
		out, replay, err := l.attempt(ctx, op, scope, key, hash, plan, fn)
		if replay {
			return l.replay(ctx, op, scope, key, hash)
		}
		if err != nil && retryable(err) && attempt < maxAttempts {
			time.Sleep(time.Duration(attempt*attempt) * 5 * time.Millisecond)
			continue
		}
		return out, err
	}
}

func (l *Ledger) attempt(ctx context.Context, op, scope, key, hash string, plan *Outcome, fn func(ctx context.Context, c *ent.Client) (*Outcome, error)) (out *Outcome, replay bool, err error) {
	// Once begun, a movement runs to its end even if the client goes away: its outcome is kept
	// under its key, so a retry learns it.
	ctx = context.WithoutCancel(ctx)
	tx, err := l.Client.Tx(ctx)
	if err != nil {
		return nil, false, err
	}
	defer func() {
		if err != nil || replay || (out != nil && out.Failed) {
			_ = tx.Rollback()
		}
	}()
	c := tx.Client()
	tctx := ent.NewContext(ctx, c)
	response, err := json.Marshal(plan)
	if err != nil {
		return nil, false, err
	}
	now := Now()
	err = c.IdempotencyRecord.Create().SetScope(scope).SetKey(key).SetOperation(op).SetRequestHash(hash).
		SetResponse(string(response)).SetCreatedAt(now).SetExpiresAt(now.Add(KeyTTL)).Exec(sys(tctx))
	if ent.IsConstraintError(err) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	if out, err = fn(tctx, c); err != nil {
		return nil, false, err
	}
	if out.Failed {
		return out, false, nil // nothing moved; the key stays free for a corrected retry
	}
	if !slices.Equal(out.JournalIDs, plan.JournalIDs) {
		return nil, false, fmt.Errorf("ledger: %s posted journals %v, not the planned %v", op, out.JournalIDs, plan.JournalIDs)
	}
	if out.learned {
		if response, err = json.Marshal(out); err != nil {
			return nil, false, err
		}
		if err = c.IdempotencyRecord.Update().Where(idempotencyrecord.Scope(scope), idempotencyrecord.Key(key)).
			SetResponse(string(response)).Exec(sys(tctx)); err != nil {
			return nil, false, err
		}
	}
	if err = tx.Commit(); err != nil {
		return nil, false, err
	}
	// The answer's journals were made in the transaction: later reads through them (their
	// entries, asked for in the same GraphQL answer) go to the database, not the closed transaction.
	for _, j := range out.Journals {
		j.Unwrap()
	}
	return out, false, nil
}

// forgetExpiredKeys deletes the idempotency records past their time (now and then, after an
// operation: outside its transaction, whose locks it would otherwise hold on unrelated rows, and
// where two sweeping postings could deadlock on the same old keys).
func (l *Ledger) forgetExpiredKeys(ctx context.Context) {
	_, _ = l.Client.IdempotencyRecord.Delete().Where(idempotencyrecord.ExpiresAtLT(Now())).Exec(sys(context.WithoutCancel(ctx)))
}

// replay answers a key that was already used: the claim that took it has committed (its insert
// waited for that on the key's unique index), so its record holds the outcome.
func (l *Ledger) replay(ctx context.Context, op, scope, key, hash string) (*Outcome, error) {
	rec, err := l.Client.IdempotencyRecord.Query().Where(idempotencyrecord.Scope(scope), idempotencyrecord.Key(key)).Only(sys(ctx))
	if ent.IsNotFound(err) { // the first request rolled back meanwhile: the caller may retry
		return nil, apperr.Refuse(apperr.Conflict, "KEY_IN_FLIGHT", "a request with this idempotency key did not complete; retry it")
	}
	if err != nil {
		return nil, err
	}
	if rec.Operation != op || rec.RequestHash != hash {
		return nil, apperr.Refuse(apperr.Conflict, "KEY_REUSED", "this idempotency key was used for a different request; use a new key")
	}
	var out Outcome
	if err := json.Unmarshal([]byte(rec.Response), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// retryable reports serialization failures and deadlocks (PostgreSQL 40001, 40P01) and a busy
// SQLite database: the whole transaction is retried, never a single statement.
func retryable(err error) bool {
	if pq.As(err, pqerror.TRSerializationFailure, pqerror.TRDeadlockDetected) != nil {
		return true
	}
	return strings.Contains(err.Error(), "SQLITE_BUSY")
}
