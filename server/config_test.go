package main

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
	"time"
)

func TestConfigFlagsEnvDefaults(t *testing.T) {
	env := map[string]string{"ADDR": ":9090", "DEV": "true", "ALLOWED_ORIGINS": "https://a.example, https://b.example", "SESSION_TTL": "1h"}
	cfg, err := ParseConfig([]string{"--addr", ":7070"}, func(k string) string { return env[k] }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != ":7070" {
		t.Errorf("flag should beat env: addr %q", cfg.Addr)
	}
	if !cfg.Dev || cfg.SessionTTL != time.Hour || len(cfg.AllowedOrigins) != 2 || cfg.AllowedOrigins[1] != "https://b.example" {
		t.Errorf("env fallbacks not applied: %+v", cfg)
	}
	if !cfg.Demo || cfg.DataDir != "./data" || cfg.DatabaseURL != "" || cfg.MaxBodyBytes != 1<<20 {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestConfigRefusesNonsense(t *testing.T) {
	for _, args := range [][]string{{"--session-ttl", "forever"}, {"--max-body-bytes", "-1"}, {"--log-format", "xml"}, {"--dev=maybe"}, {"--gc-percent", "0"}, {"--memory-limit", "lots"}, {"--max-in-flight", "-2"}, {"--session-ttl", "0"}} {
		if _, err := ParseConfig(args, func(string) string { return "" }, io.Discard); err == nil {
			t.Errorf("%v was accepted", args)
		}
	}
	if _, err := ParseConfig(nil, func(k string) string {
		if k == "DEMO_DATA" {
			return "yes please"
		}
		return ""
	}, io.Discard); err == nil || !strings.Contains(err.Error(), "DEMO_DATA") {
		t.Errorf("bad env bool: %v", err)
	}
}

func TestHelpListsEveryEnvironmentVariable(t *testing.T) {
	var out strings.Builder
	_, err := ParseConfig([]string{"--help"}, func(string) string { return "" }, &out)
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("--help: %v", err)
	}
	for _, s := range settings {
		if !strings.Contains(out.String(), s.env) {
			t.Errorf("--help does not mention %s", s.env)
		}
	}
}
