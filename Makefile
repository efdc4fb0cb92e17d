# Partner Center: `make run` builds everything and starts the server on the embedded database with
# demo data; `make test` runs every check CI runs. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

GO        ?= go
BIN       := bin/partnercenter
ADDR      ?= :8080
GO_PKGS   := ./...
export PC_REQUIRE_POSTGRES ?= 1

.PHONY: staticcheck bank bench bench-quick bench-deps bench-alloc bench-coupons test-bank help run build build-server build-spa deps test vet test-go check-generated spa-check need-chromium e2e generate migration clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

run: build ## build the SPA and the server, then serve http://localhost:8080 (SQLite in ./data, demo data)
	$(BIN) --addr $(ADDR) --dev

build: build-spa build-server ## build the SPA (frontend/dist) and the server (bin/partnercenter)

build-server:
	$(GO) build -o $(BIN) ./server

deps: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build-spa: deps
	npm run build

# need-chromium first: a machine that lacks the browser and cannot install it stops at once.
test: need-chromium vet staticcheck test-go test-bank check-generated spa-check e2e ## everything CI runs: vet, staticcheck, Go tests on PostgreSQL and SQLite, generated code, SPA checks (types, lint, unit), browser test
	@echo "make test: all checks passed"

vet:
	$(GO) vet $(GO_PKGS)

staticcheck: ## staticcheck (pinned in go.mod's tool block) on everything but ent's generated root package
	$(GO) tool staticcheck $$($(GO) list $(GO_PKGS) | grep -v '/partnercenter/ent$$')

test-go: ## Go tests on PostgreSQL (found or started by scripts/with-postgres.sh) and SQLite
	scripts/with-postgres.sh $(GO) test -count=1 $(GO_PKGS)

test-bank: build-server ## a short bank run (10 s, one server killed midway) as a regression test
	scripts/with-postgres.sh $(GO) run ./bench/bank -server $(BIN) -clients 16 -duration 10s -kill

check-generated: deps ## fail if ent, gqlgen or graphql-codegen output is stale
	scripts/check-generated.sh

spa-check: deps ## the SPA's type check, lint (ESLint) and unit tests
	npm run typecheck
	npm run lint
	npm run test:unit

need-chromium: ## install Debian's Chromium and a CJK font if missing (as root or with sudo), else say what to install
	@scripts/need-chromium.sh

e2e: need-chromium build ## browser test: the built SPA in Debian Chromium against a fresh server
	SERVER_BIN=$(BIN) npm run e2e

bank: build-server ## the ledger torture test: 2 servers on one PostgreSQL, 16 clients, 30 s, then again with one server SIGKILLed midway
	scripts/with-postgres.sh $(GO) run ./bench/bank -server $(BIN) -clients 16 -duration 30s
	scripts/with-postgres.sh $(GO) run ./bench/bank -server $(BIN) -clients 16 -duration 30s -kill

bench-alloc: build-server ## allocateBalance through the server vs pgbench on the same statements (8 clients, 3 alternating runs of 20 s)
	scripts/with-postgres.sh $(GO) run ./bench/alloc -server $(BIN) -clients 8 -duration 20s -runs 3

bench-coupons: build-server ## issueCoupons of 100 vouchers through the server vs pgbench on the same statements (4 clients, 3 alternating pairs of 10 s)
	scripts/with-postgres.sh $(GO) run ./bench/coupons -server $(BIN) -clients 4 -duration 10s -runs 3

bench-deps: ## the benchmark references: PostGraphile 5 on Node 22, Lighthouse 12
	@test -d bench/postgraphile/node_modules || npm ci --prefix bench/postgraphile --no-audit --no-fund
	@test -d bench/lighthouse/node_modules || npm ci --prefix bench/lighthouse --no-audit --no-fund

bench: build bench-deps ## every benchmark side by side at SF1 (about 10 minutes); tables in bench/results/
	scripts/with-postgres.sh $(GO) run ./bench/nested -server $(BIN) -sf 1 -clients 8,32 -duration 10s -runs 3
	scripts/with-postgres.sh $(GO) run ./bench/alloc -server $(BIN) -clients 8 -duration 8s -runs 5
	scripts/with-postgres.sh $(GO) run ./bench/alloc -server $(BIN) -clients 32 -duration 8s -runs 5
	scripts/with-postgres.sh $(GO) run ./bench/alloc -server $(BIN) -clients 8 -duration 8s -runs 5 -spread
	scripts/with-postgres.sh $(GO) run ./bench/alloc -server $(BIN) -clients 8 -duration 10s -batch 100
	scripts/with-postgres.sh $(GO) run ./bench/coupons -server $(BIN) -clients 4 -duration 10s -runs 3
	scripts/with-postgres.sh $(GO) test -run '^$$' -bench TenThousand -benchtime 20x ./bench/nested/
	node bench/spa.mjs

bench-quick: build bench-deps ## the same tables at a small scale in about a minute (no Lighthouse)
	scripts/with-postgres.sh $(GO) run ./bench/nested -server $(BIN) -sf 0.05 -clients 8 -duration 3s -runs 1
	scripts/with-postgres.sh $(GO) run ./bench/alloc -server $(BIN) -clients 8 -duration 3s -runs 1
	node bench/spa.mjs --no-lighthouse

generate: deps ## regenerate ent, the GraphQL schema and resolvers, and the SPA's typed operations
	@# The first pass leaves out the privacy policies (they import what it generates; see ent/entc.go).
	cd ent && ENT_BOOTSTRAP=1 $(GO) generate . && $(GO) generate .
	$(GO) tool gqlgen generate
	$(GO) run ./graph/internal/execpatch graph/generated
	npm run codegen

migration: ## write a PostgreSQL migration for schema changes: make migration name=add_something
	@test -n "$(name)" || { echo "usage: make migration name=what_changed"; exit 1; }
	$(GO) run ./internal/db/migrategen -name $(name)

clean:
	rm -rf bin frontend/dist
