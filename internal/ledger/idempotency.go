package ledger

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/idempotencyrecord"
	"github.com/partnercenter/partnercenter/internal/apperr"
	"github.com/partnercenter/partnercenter/internal/dbx"
	"github.com/partnercenter/partnercenter/internal/gid"
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
}

// RowOutcome is a batch's answer for one target.
type RowOutcome struct {
	ID        gid.ID `json:"id"`
	OK        bool   `json:"ok"`
	Code      string `json:"code,omitempty"`
	Reason    string `json:"reason,omitempty"`
	Message   string `json:"message,omitempty"`
	JournalID gid.ID `json:"journalId,omitempty"`
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

// run executes fn once per idempotency key: in a transaction that first claims the key, then
// does the work and stores its outcome. A retry with the same key and arguments returns the stored
// outcome; other arguments get CONFLICT. Two concurrent requests with one key: the second waits on
// the key's unique index until the first commits, then replays its outcome.
func (l *Ledger) run(ctx context.Context, op, key string, args any, fn func(ctx context.Context, c *ent.Client) (*Outcome, error)) (*Outcome, error) {
	return l.runClaiming(ctx, op, key, args, false, nil, fn)
}

// runLate is run for an operation whose first statement carries the claim of its key
// (claimFirst, then settleClaim), one round trip fewer; fn must do both before it writes.
// (attempt settles a claim fn left unwritten, as a safety net, before storing the outcome.)
func (l *Ledger) runLate(ctx context.Context, op, key string, args any, fn func(ctx context.Context, c *ent.Client) (*Outcome, error)) (*Outcome, error) {
	return l.runClaiming(ctx, op, key, args, true, nil, fn)
}

// runClaiming is run and runLate; once, if given, is tried first (and the general path only if
// it did nothing).
func (l *Ledger) runClaiming(ctx context.Context, op, key string, args any, late bool, once onceFunc, fn func(ctx context.Context, c *ent.Client) (*Outcome, error)) (*Outcome, error) {
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
	if once != nil {
		out, done, replay := once(ctx, scope, hash)
		if replay {
			return l.replay(ctx, op, scope, key, hash)
		}
		if done {
			return out, nil
		}
	}
	for attempt := 1; ; attempt++ {
		out, replay, err := l.attempt(ctx, op, scope, key, hash, late, fn)
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

func (l *Ledger) attempt(ctx context.Context, op, scope, key, hash string, late bool, fn func(ctx context.Context, c *ent.Client) (*Outcome, error)) (out *Outcome, replay bool, err error) {
	// Once begun, a movement runs to its end even if the client goes away: its outcome is kept
	// under its key, so a retry learns it. (A cancellable context would also cost the driver a
	// watcher goroutine for every statement.)
	ctx = context.WithoutCancel(ctx)
	// On PostgreSQL the transaction's BEGIN goes with its first statement (and, for a posting
	// that ends with its balances, its COMMIT with that statement: lastPostingKey).
	tx, err := l.Client.Tx(dbx.Pipelined(ctx))
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
	now := Now()
	create := c.IdempotencyRecord.Create().SetScope(scope).SetKey(key).SetOperation(op).
		SetRequestHash(hash).SetCreatedAt(now).SetExpiresAt(now.Add(KeyTTL))
	claim := &claimed{}
	if late {
		row, err := create.PrepareRow()
		if err != nil {
			return nil, false, err
		}
		id, _ := create.Mutation().ID()
		claim.id, claim.late, claim.row = id, create, row
	} else {
		rec, err := create.Save(sys(tctx))
		if ent.IsConstraintError(err) {
			return nil, true, nil
		}
		if err != nil {
			return nil, false, err
		}
		claim.id = rec.ID
	}
	cctx := context.WithValue(tctx, claimKey{}, claim)
	out, err = fn(cctx, c)
	if err == nil && !out.Failed {
		err = settleClaim(cctx, c, false) // (a no-op unless fn left the claim unwritten)
	}
	if errors.Is(err, errKeyTaken) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	if out.Failed {
		return out, false, nil // nothing moved; the key stays free for a corrected retry
	}
	if !claim.saved {
		if err = storeOutcome(tctx, c, claim.id, out); err != nil {
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

// replay answers a key that was already used.
func (l *Ledger) replay(ctx context.Context, op, scope, key, hash string) (*Outcome, error) {
	for wait := 0; wait < 50; wait++ {
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
		if rec.Response != "" {
			var out Outcome
			if err := json.Unmarshal([]byte(rec.Response), &out); err != nil {
				return nil, err
			}
			return &out, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return nil, apperr.Refuse(apperr.Conflict, "KEY_IN_FLIGHT", "a request with this idempotency key is still running; retry shortly")
}

// retryable reports serialization failures and deadlocks (PostgreSQL 40001, 40P01) and a busy
// SQLite database: the whole transaction is retried, never a single statement.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01"
	}
	return strings.Contains(err.Error(), "SQLITE_BUSY")
}

type claimKey struct{}

// claimed is the idempotency record of the running operation.
type claimed struct {
	id    gid.ID
	saved bool
	// late is the record's builder while it is not written yet (runLate); row is its row, and
	// carried says a statement has carried it (claimFirst).
	late    *ent.IdempotencyRecordCreate
	row     ent.Row
	carried bool
}

// errKeyTaken: the key was claimed by another request (the operation replays its outcome).
var errKeyTaken = errors.New("ledger: idempotency key already claimed")

// claimFirst makes a PostgreSQL statement (the operation's first) claim the running operation's
// key, if runLate left it unwritten: it writes WITH "k" AS (INSERT ... ON CONFLICT DO NOTHING
// RETURNING "id") into t and returns the condition on "k" ("" if there is nothing to claim) that
// the statement must carry: it makes PostgreSQL run the insert first and return no rows if the
// key was taken. settleClaim must follow the statement.
func claimFirst(ctx context.Context, t *pgText) (string, error) {
	cl, ok := ctx.Value(claimKey{}).(*claimed)
	if !ok || cl.late == nil || cl.carried {
		return "", nil
	}
	t.str(`WITH "k" AS (`)
	if err := t.insert(cl.row); err != nil {
		return "", err
	}
	t.str(" ON CONFLICT (").ident(idempotencyrecord.FieldScope).str(", ").ident(idempotencyrecord.FieldKey).str(`) DO NOTHING RETURNING "id") `)
	cl.carried = true
	return `(SELECT count(*) FROM "k") > 0`, nil
}

// settleClaim finishes a late claim after the statement that was to carry it: if it did and
// returned no rows (noRows), whether the key was taken or the rows were simply not there is told
// by looking for the record; if no statement carried it (SQLite), it is written now. Either way
// a taken key is errKeyTaken.
func settleClaim(ctx context.Context, c *ent.Client, noRows bool) error {
	cl, ok := ctx.Value(claimKey{}).(*claimed)
	if !ok || cl.late == nil {
		return nil
	}
	create := cl.late
	cl.late = nil
	if cl.carried {
		if !noRows {
			return nil // the condition on "k" held: the record was written
		}
		mine, err := c.IdempotencyRecord.Query().Where(idempotencyrecord.ID(cl.id)).Exist(sys(ctx))
		if err != nil {
			return err
		}
		if !mine {
			return errKeyTaken
		}
		return nil
	}
	if err := create.Exec(sys(ctx)); err != nil {
		if ent.IsConstraintError(err) {
			return errKeyTaken
		}
		return err
	}
	return nil
}

// saveOutcome stores the operation's outcome under its key now (before it locks accounts), so
// that the locked window does not also hold this write. If the operation then fails, the whole
// transaction, record included, rolls back.
func saveOutcome(ctx context.Context, c *ent.Client, out *Outcome) error {
	cl, ok := ctx.Value(claimKey{}).(*claimed)
	if !ok {
		return nil // not running under a key (e.g. the disassociation hook)
	}
	if err := storeOutcome(ctx, c, cl.id, out); err != nil {
		return err
	}
	cl.saved = true
	return nil
}

func storeOutcome(ctx context.Context, c *ent.Client, id gid.ID, out *Outcome) error {
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	return c.IdempotencyRecord.Update().Where(idempotencyrecord.ID(id)).SetResponse(string(b)).Exec(sys(ctx))
}
