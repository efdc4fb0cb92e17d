package auth

import (
	"context"
	"sync"
	"time"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

// maxCachedViewers bounds the cache; past it, the cache starts over.
const maxCachedViewers = 50_000

// viewerCache remembers, for a short time, the viewer a credential resolved to, so that a client
// sending request after request does not cost a database statement each. What it trades: a
// session or key revoked, or a partner's settings changed, on another server instance takes
// effect there up to ttl later. On this instance, logout, a password change, a key's revocation,
// a change of the step-up setting and a distributor adopting a reseller forget every cached
// viewer at once (and again after their transaction commits, so that a request racing with it
// cannot cache the old state).
type viewerCache struct {
	ttl time.Duration
	mu  sync.RWMutex
	m   map[string]cachedViewer // by the credential's hash
}

type cachedViewer struct {
	v     *viewer.Viewer
	until time.Time
}

func (c *viewerCache) get(hash string, now time.Time) *viewer.Viewer {
	if c == nil || c.ttl <= 0 {
		return nil
	}
	c.mu.RLock()
	e, ok := c.m[hash]
	c.mu.RUnlock()
	if !ok || !now.Before(e.until) {
		return nil
	}
	return e.v
}

func (c *viewerCache) put(hash string, v *viewer.Viewer, now time.Time) {
	if c == nil || c.ttl <= 0 || v == nil {
		return
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedViewers {
		c.m = make(map[string]cachedViewer)
	}
	c.m[hash] = cachedViewer{v: v, until: now.Add(c.ttl)}
	c.mu.Unlock()
}

func (c *viewerCache) clear() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
}

// SetViewerCacheTTL makes Authenticate remember a credential's viewer for ttl (0, the default:
// every request reads the database).
func (s *Service) SetViewerCacheTTL(ttl time.Duration) {
	s.cache = &viewerCache{ttl: ttl}
}

// ForgetViewers drops every cached viewer now and, when ctx carries a transaction, once more
// after it commits. Call it with anything that changes what a credential resolves to.
func (s *Service) ForgetViewers(ctx context.Context) {
	if s.cache == nil {
		return
	}
	s.cache.clear()
	if tx := ent.TxFromContext(ctx); tx != nil {
		tx.OnCommit(func(next ent.Committer) ent.Committer {
			return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
				err := next.Commit(ctx, tx)
				s.cache.clear()
				return err
			})
		})
	}
}
