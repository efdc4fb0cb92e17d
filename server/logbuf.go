package main

import (
	"io"
	"sync"
	"time"
)

// logBuffer batches the log's writes: lines are kept for at most every (or until 32 KiB have
// gathered) and written together, so that a busy server makes one write system call per batch
// instead of one per request (the access log's line was 4% of the server's CPU per request).
// Warnings and errors are written at once (contextHandler flushes after them), and so is
// everything when the server stops; a process killed outright loses at most every of lines.
type logBuffer struct {
	mu      sync.Mutex
	w       io.Writer
	buf     []byte
	every   time.Duration
	pending bool
}

const logBufferMax = 32 << 10

func newLogBuffer(w io.Writer, every time.Duration) *logBuffer {
	return &logBuffer{w: w, every: every, buf: make([]byte, 0, logBufferMax)}
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf = append(b.buf, p...)
	if len(b.buf) >= logBufferMax {
		return len(p), b.flushLocked()
	}
	if !b.pending {
		b.pending = true
		time.AfterFunc(b.every, b.Flush)
	}
	return len(p), nil
}

// Flush writes what is buffered.
func (b *logBuffer) Flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	_ = b.flushLocked()
}

func (b *logBuffer) flushLocked() error {
	b.pending = false
	if len(b.buf) == 0 {
		return nil
	}
	_, err := b.w.Write(b.buf)
	b.buf = b.buf[:0]
	return err
}
