package ledger

import (
	"context"
	"sync"
)

// keyQueue lets one holder per key at a time go on, the others waiting in the order they came
// (a Go channel's waiters are served first in, first out). The zero value is ready to use.
//
// The one-statement posting queues on it by partner: every allocation or reclaim of a partner
// locks that partner's account row, so two of them never run side by side in the database
// anyway; waiting here instead costs a channel operation, where waiting on the row costs the
// database a lock wait, a wake-up and a re-read of the row, and serves waiters in no fixed
// order. It is an optimisation within one server process only: the database's row locks still
// order postings across processes and against the general path.
type keyQueue struct {
	mu    sync.Mutex
	slots map[string]*queueSlot
}

type queueSlot struct {
	turn  chan struct{} // holds one token while someone holds the key
	users int           // holders and waiters; the slot is dropped at zero
}

// acquire waits for the key's turn (or for ctx to end, then it returns ctx's error and holds
// nothing). release must be called exactly once after a nil error.
func (q *keyQueue) acquire(ctx context.Context, key string) (release func(), err error) {
	q.mu.Lock()
	if q.slots == nil {
		q.slots = make(map[string]*queueSlot)
	}
	s := q.slots[key]
	if s == nil {
		s = &queueSlot{turn: make(chan struct{}, 1)}
		q.slots[key] = s
	}
	s.users++
	q.mu.Unlock()

	select {
	case s.turn <- struct{}{}:
		return func() {
			<-s.turn
			q.leave(key, s)
		}, nil
	case <-ctx.Done():
		q.leave(key, s)
		return nil, ctx.Err()
	}
}

func (q *keyQueue) leave(key string, s *queueSlot) {
	q.mu.Lock()
	if s.users--; s.users == 0 {
		delete(q.slots, key)
	}
	q.mu.Unlock()
}
