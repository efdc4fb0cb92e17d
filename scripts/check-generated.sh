#!/usr/bin/env bash
# Regenerates every generated file (ent, gqlgen, graphql-codegen) and fails if anything changed:
# generated code must be committed as `make generate` writes it.
set -euo pipefail
paths=(ent graph frontend/src/gql)
backup=$(mktemp -d)
trap 'rm -rf "$backup"' EXIT
for p in "${paths[@]}"; do mkdir -p "$backup/$(dirname "$p")"; cp -a "$p" "$backup/$p"; done
make --no-print-directory generate >/dev/null
status=0
for p in "${paths[@]}"; do
  if ! diff -r "$backup/$p" "$p" >"$backup/diff.txt" 2>&1; then
    echo "check-generated: $p is stale; run 'make generate' and commit the result:" >&2
    head -40 "$backup/diff.txt" >&2
    status=1
  fi
done
[ $status = 0 ] && echo "check-generated: generated code is current"
exit $status
