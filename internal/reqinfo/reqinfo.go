// Package reqinfo carries facts about the HTTP request (its ID, the client address) to code that
// records them, such as the audit log, without that code depending on net/http.
package reqinfo

import (
	"context"
	"net"
)

// Info describes the request being served.
type Info struct {
	RequestID  string
	RemoteAddr string // the client IP, without port
}

type key struct{}

// NewContext returns ctx carrying info.
func NewContext(ctx context.Context, info Info) context.Context {
	return context.WithValue(ctx, key{}, info)
}

// FromContext returns the request's info (zero outside a request).
func FromContext(ctx context.Context) Info {
	i, _ := ctx.Value(key{}).(Info)
	return i
}

// HostOnly strips the port from a remote address.
func HostOnly(addr string) string {
	if h, _, err := net.SplitHostPort(addr); err == nil {
		return h
	}
	return addr
}
