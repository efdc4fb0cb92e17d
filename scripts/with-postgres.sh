#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL server the tests may create
# databases on. In order: TEST_DATABASE_URL if set; the server at 127.0.0.1:5432; else a
# throwaway cluster started from the installed PostgreSQL binaries in a temporary directory
# (stopped and removed afterwards). Each test creates and drops its own database on it.
set -euo pipefail

can_connect() { psql "$1" -Atqc 'select 1' >/dev/null 2>&1; }

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "with-postgres: using TEST_DATABASE_URL" >&2
  exec "$@"
fi

local_url="postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
if command -v psql >/dev/null 2>&1 && can_connect "$local_url"; then
  echo "with-postgres: using the server at 127.0.0.1:5432" >&2
  TEST_DATABASE_URL="$local_url" exec "$@"
fi

bindir=""
for d in /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
  [ -x "$d/initdb" ] && bindir="$d"
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then bindir=$(dirname "$(command -v initdb)"); fi
if [ -z "$bindir" ]; then
  cat >&2 <<'MSG'
with-postgres: no PostgreSQL found. The Go tests need one. Either
  - set TEST_DATABASE_URL=postgres://user@host:5432/postgres?sslmode=disable (a user that may CREATE DATABASE), or
  - install the server: sudo apt-get install -y postgresql   (Debian/Ubuntu; then it runs at 127.0.0.1:5432), or
  - start the installed one: sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
MSG
  exit 1
fi

tmp=$(mktemp -d /tmp/pc-pg.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
runas=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root.
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
  chown "$owner" "$tmp"
  runas=(runuser -u "$owner" --)
fi
cleanup() { "${runas[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
echo "with-postgres: starting a throwaway cluster from $bindir on port $port" >&2
"${runas[@]}" "$bindir/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${runas[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
  -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable" "$@"
