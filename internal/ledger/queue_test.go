package ledger

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestKeyQueue(t *testing.T) {
	var q keyQueue
	ctx := context.Background()

	// One holder per key; another key is not held up.
	release, err := q.acquire(ctx, "p1")
	if err != nil {
		t.Fatal(err)
	}
	other, err := q.acquire(ctx, "p2")
	if err != nil {
		t.Fatalf("another key waits: %v", err)
	}
	other()

	// Waiters go on in the order they came.
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r, err := q.acquire(ctx, "p1")
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			r()
		}(i)
		waitUsers(t, &q, "p1", i+2)      // the holder and i+1 waiters
		time.Sleep(5 * time.Millisecond) // (from counted to waiting on the channel: a few instructions)
	}

	// A waiter whose context ends gives up with its error and holds nothing.
	cctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := q.acquire(cctx, "p1"); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a waiter past its deadline: %v, want context.DeadlineExceeded", err)
	}

	release()
	wg.Wait()
	for i, got := range order {
		if got != i {
			t.Fatalf("waiters went on in the order %v, want 0..4", order)
		}
	}
	if len(order) != 5 {
		t.Fatalf("%d of 5 waiters went on", len(order))
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.slots) != 0 {
		t.Fatalf("%d keys still held after every release", len(q.slots))
	}
}

// waitUsers waits until key has n holders and waiters.
func waitUsers(t *testing.T, q *keyQueue, key string, n int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		q.mu.Lock()
		s := q.slots[key]
		users := 0
		if s != nil {
			users = s.users
		}
		q.mu.Unlock()
		if users == n {
			return
		}
	}
	t.Fatalf("key %s never had %d users", key, n)
}
