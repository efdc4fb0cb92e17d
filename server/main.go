// Command partnercenter is the Partner Center server: the GraphQL API, the SPA, health checks.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/partnercenter/partnercenter/internal/db"
	"github.com/partnercenter/partnercenter/internal/demo"
	"github.com/partnercenter/partnercenter/internal/jobs"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "partnercenter:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	cfg, err := ParseConfig(args, environ, os.Stderr)
	if err != nil {
		return err
	}
	logOut := newLogBuffer(os.Stderr, 100*time.Millisecond)
	defer logOut.Flush()
	log := newLogger(cfg.LogFormat, logOut)
	slog.SetDefault(log)
	tuneGC(cfg)
	if !cfg.Dev {
		// The heap profile is served only in development mode (/debug/pprof): elsewhere its
		// sampling (a stack walk every 512 KiB allocated, 3% of a busy server's CPU) is waste.
		runtime.MemProfileRate = 0
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	database, err := db.Open(ctx, cfg.DatabaseURL, db.Options{DataDir: cfg.DataDir})
	if err != nil {
		return err
	}
	defer database.Close()
	log.Info("database ready", "dialect", database.Dialect)
	if cfg.Demo {
		loaded, err := demo.LoadIfEmpty(ctx, database.Client)
		if err != nil {
			return fmt.Errorf("loading demo data: %w", err)
		}
		if loaded {
			log.Info("demo data loaded", "password", "see README (demo users)")
		}
	}

	// Background jobs (coupon expiry, every minute) run on River over the same database; every
	// instance works them, the elected leader inserts the periodic ones; the operator's listing
	// (backgroundJobs) reads through it. The client is stopped (running jobs finish or are
	// cancelled) before the database closes (defers run last first).
	jobClient, err := jobs.Start(context.WithoutCancel(ctx), database, jobs.Options{Logger: log})
	if err != nil {
		return err
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		if err := jobClient.Stop(sctx); err != nil {
			log.Error("stopping jobs", "error", err)
		}
	}()
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           NewHTTPHandler(cfg, database, log, Deps{Jobs: jobClient}),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() {
		log.Info("listening", "addr", cfg.Addr, "dev", cfg.Dev)
		errc <- srv.ListenAndServe()
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	return srv.Shutdown(sctx)
}

// tuneGC applies the collector settings unless the Go runtime's own variables are set. A higher
// GC target with a soft memory limit spends less CPU on collection per request while keeping the
// process's memory bounded under load.
func tuneGC(cfg *Config) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(cfg.GCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" && cfg.MemoryLimit > 0 {
		debug.SetMemoryLimit(cfg.MemoryLimit)
	}
}
