package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is everything the process can be told, by flag or by environment variable.
type Config struct {
	Addr            string
	DatabaseURL     string
	DataDir         string
	AllowedOrigins  []string
	SPADir          string
	Demo            bool
	Dev             bool
	MaxBodyBytes    int64
	SessionTTL      time.Duration
	SecureCookies   bool
	LogFormat       string
	ShutdownTimeout time.Duration
	GCPercent       int
	MemoryLimit     int64
	MaxInFlight     int
}

type setting struct {
	flag, env, def, help string
}

var settings = []setting{
	{"addr", "ADDR", ":8080", "address to listen on"},
	{"database-url", "DATABASE_URL", "", "PostgreSQL URL (postgres://user@host:5432/db?sslmode=disable); empty uses the embedded SQLite database in --data-dir"},
	{"data-dir", "DATA_DIR", "./data", "directory of the embedded SQLite database"},
	{"allowed-origins", "ALLOWED_ORIGINS", "http://localhost:5173,http://localhost:8080", "comma-separated origins allowed by CORS (the Vite dev server and the server itself)"},
	{"spa-dir", "SPA_DIR", "./frontend/dist", "directory of the built SPA served at /"},
	{"demo", "DEMO_DATA", "true", "load the demo world into an empty database on start"},
	{"dev", "DEV", "false", "development mode: GraphiQL at /graphiql and GraphQL introspection"},
	{"max-body-bytes", "MAX_BODY_BYTES", "1048576", "largest request body accepted at /graphql (larger gets HTTP 413)"},
	{"session-ttl", "SESSION_TTL", "168h", "how long a login session lasts"},
	{"secure-cookies", "SECURE_COOKIES", "false", "mark the session cookie Secure (set behind HTTPS; requests over TLS always get it)"},
	{"log-format", "LOG_FORMAT", "text", "log format: text or json (one line per request, written to stderr in batches of at most 100 ms; warnings and errors at once)"},
	{"shutdown-timeout", "SHUTDOWN_TIMEOUT", "20s", "how long to let requests finish on SIGTERM"},
	{"max-in-flight", "MAX_IN_FLIGHT", "8", "GraphQL requests executed at once; more wait their turn (bounds memory under load; 0: no limit)"},
	{"gc-percent", "GC_PERCENT", "800", "garbage collector target (Go's GOGC, which wins when set): a small live heap is collected rarely, with --memory-limit bounding what that costs in memory"},
	{"memory-limit", "MEMORY_LIMIT", "100663296", "soft memory limit in bytes (Go's GOMEMLIMIT, which wins when set; 96 MiB): the collector works harder near it; 0 turns it off"},
}

// ParseConfig reads flags, falling back to the environment, then to defaults.
func ParseConfig(args []string, getenv func(string) string, out io.Writer) (*Config, error) {
	fs := flag.NewFlagSet("partnercenter", flag.ContinueOnError)
	fs.SetOutput(out)
	vals := map[string]*string{}
	bools := map[string]*bool{}
	for _, s := range settings {
		def := s.def
		if v := getenv(s.env); v != "" {
			def = v
		}
		help := fmt.Sprintf("%s (env %s)", s.help, s.env)
		if s.def == "true" || s.def == "false" {
			b, err := strconv.ParseBool(def)
			if err != nil {
				return nil, fmt.Errorf("%s: want true or false, got %q", s.env, def)
			}
			bools[s.flag] = fs.Bool(s.flag, b, help)
			continue
		}
		vals[s.flag] = fs.String(s.flag, def, help)
	}
	fs.Usage = func() {
		fmt.Fprintf(out, "Partner Center server: GraphQL API at /graphql and the SPA at /.\n\nUsage: partnercenter [flags]\n\nFlags (each falls back to the environment variable named, then to the default):\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	c := &Config{
		Addr: *vals["addr"], DatabaseURL: *vals["database-url"], DataDir: *vals["data-dir"],
		SPADir: *vals["spa-dir"], LogFormat: *vals["log-format"],
	}
	for _, o := range strings.Split(*vals["allowed-origins"], ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.AllowedOrigins = append(c.AllowedOrigins, o)
		}
	}
	c.Demo, c.Dev, c.SecureCookies = *bools["demo"], *bools["dev"], *bools["secure-cookies"]
	var err error
	if c.MaxBodyBytes, err = strconv.ParseInt(*vals["max-body-bytes"], 10, 64); err != nil || c.MaxBodyBytes <= 0 {
		return nil, fmt.Errorf("--max-body-bytes: want a positive number of bytes, got %q", *vals["max-body-bytes"])
	}
	if c.MaxInFlight, err = strconv.Atoi(*vals["max-in-flight"]); err != nil || c.MaxInFlight < 0 {
		return nil, fmt.Errorf("--max-in-flight: want a number of requests (0 for no limit), got %q", *vals["max-in-flight"])
	}
	gc, err := strconv.Atoi(*vals["gc-percent"])
	if err != nil || gc < -1 || gc == 0 {
		return nil, fmt.Errorf("--gc-percent: want a positive percentage (or -1 to turn the collector off), got %q", *vals["gc-percent"])
	}
	c.GCPercent = gc
	if c.MemoryLimit, err = strconv.ParseInt(*vals["memory-limit"], 10, 64); err != nil || c.MemoryLimit < 0 {
		return nil, fmt.Errorf("--memory-limit: want a number of bytes (0 for none), got %q", *vals["memory-limit"])
	}
	durs := map[string]*time.Duration{"session-ttl": &c.SessionTTL, "shutdown-timeout": &c.ShutdownTimeout}
	for name, dst := range durs {
		if *dst, err = time.ParseDuration(*vals[name]); err != nil || *dst < 0 || *dst == 0 {
			return nil, fmt.Errorf("--%s: want a duration such as 30s or 168h, got %q", name, *vals[name])
		}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return nil, fmt.Errorf("--log-format: want text or json, got %q", c.LogFormat)
	}
	return c, nil
}

// environ is os.Getenv, replaceable in tests.
var environ = os.Getenv
