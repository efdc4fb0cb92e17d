package auth

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/partnercenter/partnercenter/internal/viewer"
)

// CookieName is the session cookie of the SPA.
const CookieName = "pc_session"

type httpKey struct{}

type httpInfo struct {
	w      http.ResponseWriter
	r      *http.Request
	secure bool
}

// WithHTTP lets resolvers set and clear the session cookie of the current request.
func WithHTTP(ctx context.Context, w http.ResponseWriter, r *http.Request, secure bool) context.Context {
	return context.WithValue(ctx, httpKey{}, &httpInfo{w: w, r: r, secure: secure})
}

// SetSessionCookie sets the HttpOnly session cookie on the current response.
func SetSessionCookie(ctx context.Context, token string, expires time.Time) {
	if h, ok := ctx.Value(httpKey{}).(*httpInfo); ok {
		http.SetCookie(h.w, &http.Cookie{
			Name: CookieName, Value: token, Path: "/", Expires: expires, HttpOnly: true,
			Secure: h.secure || h.r.TLS != nil, SameSite: http.SameSiteLaxMode,
		})
	}
}

// ClearSessionCookie removes the session cookie.
func ClearSessionCookie(ctx context.Context) {
	if h, ok := ctx.Value(httpKey{}).(*httpInfo); ok {
		http.SetCookie(h.w, &http.Cookie{Name: CookieName, Value: "", Path: "/", MaxAge: -1,
			HttpOnly: true, Secure: h.secure || h.r.TLS != nil, SameSite: http.SameSiteLaxMode})
	}
}

// TokenFromRequest takes the bearer token, else the session cookie.
func TokenFromRequest(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		if t, ok := strings.CutPrefix(h, "Bearer "); ok {
			return strings.TrimSpace(t)
		}
		return ""
	}
	if c, err := r.Cookie(CookieName); err == nil {
		return c.Value
	}
	return ""
}

// Middleware puts the viewer of the request's token (if live) into the context.
func (s *Service) Middleware(secureCookies bool) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := WithHTTP(r.Context(), w, r, secureCookies)
			if tok := TokenFromRequest(r); tok != "" {
				v, err := s.Authenticate(ctx, tok)
				if err != nil {
					http.Error(w, `{"errors":[{"message":"service unavailable","extensions":{"code":"INTERNAL"}}]}`, http.StatusServiceUnavailable)
					return
				}
				if v != nil {
					ctx = viewer.NewContext(ctx, v)
				}
			}
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}
