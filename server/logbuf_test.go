package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// countingWriter counts the writes it gets.
type countingWriter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.writes++
	return w.buf.Write(p)
}

func (w *countingWriter) state() (string, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String(), w.writes
}

// TestLogBuffer: info lines are written together within the interval, a warning at once with
// what came before it, and Flush writes the rest (as the server does when it stops).
func TestLogBuffer(t *testing.T) {
	w := &countingWriter{}
	b := newLogBuffer(w, 50*time.Millisecond)
	log := newLogger("json", b)
	log.Info("request", "n", 1)
	log.Info("request", "n", 2)
	if out, n := w.state(); n != 0 || out != "" {
		t.Fatalf("written before the interval: %d writes, %q", n, out)
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		out, n := w.state()
		if n == 1 && strings.Count(out, "\n") == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the interval: %d writes, %q", n, out)
		}
		time.Sleep(10 * time.Millisecond)
	}
	log.Info("request", "n", 3)
	log.Warn("slow", "n", 4)
	if out, n := w.state(); n != 2 || strings.Count(out, "\n") != 4 || !strings.Contains(out, `"slow"`) {
		t.Fatalf("a warning is not written at once: %d writes, %q", n, out)
	}
	log.Info("shutting down")
	b.Flush()
	if out, n := w.state(); n != 3 || !strings.HasSuffix(out, "\"shutting down\"}\n") {
		t.Fatalf("Flush: %d writes, %q", n, out)
	}
	// A burst bigger than the buffer goes out without waiting.
	for i := 0; i < 400; i++ {
		log.Info("request", "padding", strings.Repeat("x", 100))
	}
	if _, n := w.state(); n < 4 {
		t.Fatalf("a full buffer waited: %d writes", n)
	}
}
