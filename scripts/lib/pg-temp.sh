# shellcheck shell=bash
# Compatibility shim for shells that `source scripts/lib/pg-temp.sh`: the throw-away PostgreSQL
# cluster itself is db/testing-pg.ts (one implementation), driven through scripts/pg-temp.ts.
# Prefer `SUNLIGHT_TEST_DB=postgres npx vitest run --project integration FILE` (starts and removes
# a cluster by itself) or `npx tsx scripts/pg-temp.ts run -- CMD`.
#
#   source scripts/lib/pg-temp.sh
#   pg_temp_start   # exports TEST_DATABASE_URL and PG_TEMP_DIR; the cluster belongs to this shell
#   ...
#   pg_temp_stop    # idempotent

_pg_temp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

pg_temp_start() {
  if [ -n "${PG_TEMP_DIR:-}" ] && [ -d "$PG_TEMP_DIR" ]; then return 0; fi
  PG_BINDIR="$(bash "$_pg_temp_root/scripts/ensure-postgres.sh")" || return 1
  export PG_BINDIR
  local out
  out="$(cd "$_pg_temp_root" && node_modules/.bin/tsx scripts/pg-temp.ts start --owner $$)" || return 1
  eval "$out"
}

pg_temp_stop() {
  [ -n "${PG_TEMP_DIR:-}" ] || return 0
  (cd "$_pg_temp_root" && node_modules/.bin/tsx scripts/pg-temp.ts stop "$PG_TEMP_DIR")
  unset PG_TEMP_DIR TEST_DATABASE_URL
}
