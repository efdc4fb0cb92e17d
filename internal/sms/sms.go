// Package sms sends text messages (verification codes). Sender is the interface a real SMS
// gateway implements; LogSender, the development default, writes the message to the log.
package sms

import (
	"context"
	"log/slog"
	"sync"
)

// Sender delivers one text message to a mobile ("0086-13912345678").
type Sender interface {
	Send(ctx context.Context, mobile, text string) error
}

// LogSender logs messages instead of sending them (the mobile is masked by the log handler).
type LogSender struct{ Log *slog.Logger }

// Send implements Sender.
func (s LogSender) Send(ctx context.Context, mobile, text string) error {
	l := s.Log
	if l == nil {
		l = slog.Default()
	}
	l.InfoContext(ctx, "sms (development sender: not delivered)", "to", mobile, "text", text)
	return nil
}

// Recorder keeps the messages it is asked to send, for tests.
type Recorder struct {
	mu   sync.Mutex
	sent map[string][]string
}

// Send implements Sender.
func (r *Recorder) Send(_ context.Context, mobile, text string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sent == nil {
		r.sent = map[string][]string{}
	}
	r.sent[mobile] = append(r.sent[mobile], text)
	return nil
}

// Last is the last message sent to mobile.
func (r *Recorder) Last(mobile string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	msgs := r.sent[mobile]
	if len(msgs) == 0 {
		return ""
	}
	return msgs[len(msgs)-1]
}
