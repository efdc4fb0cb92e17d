package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/cors"

	"github.com/partnercenter/partnercenter/ent"
	"github.com/partnercenter/partnercenter/ent/couponrecord"
	"github.com/partnercenter/partnercenter/graph"
	"github.com/partnercenter/partnercenter/internal/auth"
	"github.com/partnercenter/partnercenter/internal/customers"
	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/gid"
	"github.com/partnercenter/partnercenter/internal/jobs"
	"github.com/partnercenter/partnercenter/internal/ledger"
	"github.com/partnercenter/partnercenter/internal/mask"
	"github.com/partnercenter/partnercenter/internal/reqinfo"
	"github.com/partnercenter/partnercenter/internal/sms"
	"github.com/partnercenter/partnercenter/internal/viewer"
)

const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 120 * time.Second
)

// Deps are the outside services the server talks to; zero values get development defaults.
type Deps struct {
	// SMS sends text messages; the default logs them.
	SMS sms.Sender
	// OnDisassociate returns what a partner allocated to a customer when they part (the ledger).
	OnDisassociate func(ctx context.Context, c *ent.Client, cu *ent.Customer, partnerID gid.ID) error
	// Jobs is the River client the operator's job listing reads through (main passes the
	// started one); nil: an unstarted client on database, which lists but works no job.
	Jobs *jobs.Client
}

// NewHTTPHandler wires every route and middleware of the server.
func NewHTTPHandler(cfg *Config, database *db.DB, log *slog.Logger, deps Deps) http.Handler {
	authSvc := auth.NewService(database.Client, cfg.SessionTTL)
	customerSvc := &customers.Service{SMS: sms.LogSender{Log: log}, OnDisassociate: ledger.ReturnOnDisassociation,
		ReclaimCoupons: func(ctx context.Context, c *ent.Client, customerID, issuer gid.ID, typ couponrecord.Type) error {
			_, err := ledger.ReclaimCustomerCoupons(ctx, c, customerID, issuer, nil, typ)
			return err
		}}
	if deps.OnDisassociate != nil {
		customerSvc.OnDisassociate = deps.OnDisassociate
	}
	if deps.SMS != nil {
		customerSvc.SMS = deps.SMS
	}
	if deps.Jobs == nil {
		c, err := jobs.New(database, jobs.NewDriver(database), jobs.Options{Logger: log, NoPeriodic: true})
		if err != nil { // only a misconfigured worker fails here; the listing then answers INTERNAL
			log.Error("river client for the job listing", "error", err)
		}
		deps.Jobs = c
	}
	svc := graph.Services{Auth: authSvc, Customers: customerSvc, Ledger: &ledger.Ledger{Client: database.Client}, Payments: ledger.Stub{}, Jobs: deps.Jobs}
	gql := graph.NewHandler(database.Client, svc, graph.Options{Introspection: cfg.Dev, Logger: log})

	mux := http.NewServeMux()
	// Cookie sessions are protected from cross-site request forgery: browsers' cross-origin POSTs
	// are refused unless they come from an allowed origin (bearer tokens are not sent by browsers
	// on their own, so they need no such check).
	csrf := http.NewCrossOriginProtection()
	for _, o := range cfg.AllowedOrigins {
		if err := csrf.AddTrustedOrigin(o); err != nil {
			log.Warn("ignoring an allowed origin that is not an origin", "origin", o, "err", err)
		}
	}
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_, _ = io.WriteString(w, `{"errors":[{"message":"cross-origin request refused","extensions":{"code":"FORBIDDEN"}}]}`)
	}))
	// GraphQL answers are never compressed (only the SPA's files are, see spaHandler): the API
	// benchmarks compare raw server throughput with PostGraphile, which does not compress.
	mux.Handle("/graphql", csrf.Handler(limitBody(cfg.MaxBodyBytes, authSvc.Middleware(cfg.SecureCookies)(noteViewer(limitInFlight(cfg.MaxInFlight, gql))))))
	if cfg.Dev {
		mux.Handle("GET /graphiql", playground.Handler("Partner Center GraphiQL", "/graphql"))
		// Profiles for `go tool pprof`, in development mode only.
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
		mux.HandleFunc("GET /debug/pprof/heap", pprof.Index)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"status":"up"}`)
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "application/json")
		if err := database.SQL.PingContext(ctx); err != nil {
			log.WarnContext(r.Context(), "readiness check failed", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"status":"database unreachable"}`)
			return
		}
		_, _ = io.WriteString(w, `{"status":"ready"}`)
	})
	mux.Handle("/", spaHandler(cfg.SPADir))

	c := cors.New(cors.Options{
		AllowedOrigins:   cfg.AllowedOrigins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Content-Type", "Authorization", "X-Request-ID"},
		ExposedHeaders:   []string{"X-Request-ID"},
		AllowCredentials: true,
		MaxAge:           600,
	})
	return requestLog(log, recoverPanic(log, c.Handler(mux)))
}

// limitBody answers 413 to a body over max, before anything parses it.
func limitBody(max int64, next http.Handler) http.Handler {
	tooLarge := func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		_, _ = io.WriteString(w, `{"errors":[{"message":"the request body is too large","extensions":{"code":"REQUEST_TOO_LARGE"}}]}`)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > max {
			tooLarge(w)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, max+1))
		if err != nil {
			http.Error(w, "reading the request body failed", http.StatusBadRequest)
			return
		}
		if int64(len(body)) > max {
			tooLarge(w)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// limitInFlight executes at most n GraphQL requests at once; the others wait their turn (or give
// up when their client goes away). Large answers are built in memory, so this bounds memory
// under load without costing throughput on a machine with few cores.
func limitInFlight(n int, next http.Handler) http.Handler {
	if n <= 0 {
		return next
	}
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}

type reqIDKey struct{}

// RequestID returns the request ID of ctx.
func RequestID(ctx context.Context) string { s, _ := ctx.Value(reqIDKey{}).(string); return s }

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// viewerHolder lets the log line name the user that inner middleware authenticated.
type viewerHolder struct{ v *viewer.Viewer }

type holderKey struct{}

// requestLog gives each request an ID and writes one log line when it ends.
func requestLog(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if len(id) < 8 || len(id) > 64 || strings.ContainsAny(id, " \t\r\n\"") {
			b := make([]byte, 8)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-ID", id)
		holder := &viewerHolder{}
		ctx := context.WithValue(context.WithValue(r.Context(), reqIDKey{}, id), holderKey{}, holder)
		ctx = reqinfo.NewContext(ctx, reqinfo.Info{RequestID: id, RemoteAddr: reqinfo.HostOnly(r.RemoteAddr)})
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(ctx))
		attrs := [7]slog.Attr{slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", sw.status),
			slog.Int("bytes", sw.bytes), slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("remote", r.RemoteAddr)}
		n := 6
		if holder.v != nil {
			attrs[n] = slog.String("user", string(holder.v.UserID))
			n++
		}
		log.LogAttrs(ctx, slog.LevelInfo, "request", attrs[:n]...)
	})
}

// noteViewer records the authenticated viewer for the request log line.
func noteViewer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := r.Context().Value(holderKey{}).(*viewerHolder); ok {
			h.v = viewer.FromContext(r.Context())
		}
		next.ServeHTTP(w, r)
	})
}

func recoverPanic(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				log.ErrorContext(r.Context(), "panic", "panic", p)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// contextHandler adds the request ID to every log record made with a request's context.
// flush, if set, is called after a warning or an error (the log is buffered: logBuffer).
type contextHandler struct {
	slog.Handler
	flush func()
}

// Handle adds the request ID and scrubs anything that looks like an email or a mobile from the
// message and string attributes, so that raw personal data never reaches a log.
func (h contextHandler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, mask.Scrub(r.Message), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(scrubAttr(a))
		return true
	})
	if id := RequestID(ctx); id != "" {
		out.AddAttrs(slog.String("request_id", id))
	}
	err := h.Handler.Handle(ctx, out)
	if h.flush != nil && r.Level >= slog.LevelWarn {
		h.flush()
	}
	return err
}

func scrubAttr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, mask.Scrub(v.String()))
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(a.Key, mask.Scrub(err.Error()))
		}
		return slog.String(a.Key, mask.Scrub(v.String()))
	case slog.KindGroup:
		attrs := v.Group()
		out := make([]any, len(attrs))
		for i, g := range attrs {
			out[i] = scrubAttr(g)
		}
		return slog.Group(a.Key, out...)
	}
	return a
}

func (h contextHandler) WithAttrs(a []slog.Attr) slog.Handler {
	return contextHandler{h.Handler.WithAttrs(a), h.flush}
}

func (h contextHandler) WithGroup(name string) slog.Handler {
	return contextHandler{h.Handler.WithGroup(name), h.flush}
}

func newLogger(format string, w io.Writer) *slog.Logger {
	var h slog.Handler
	if format == "json" {
		h = slog.NewJSONHandler(w, nil)
	} else {
		h = slog.NewTextHandler(w, nil)
	}
	ch := contextHandler{Handler: h}
	if f, ok := w.(interface{ Flush() }); ok {
		ch.flush = f.Flush
	}
	return slog.New(ch)
}
