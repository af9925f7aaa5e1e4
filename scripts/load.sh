#!/usr/bin/env bash
# `npm run bench:load` — the deadline-day load test (issue 8; docs/LOAD.md):
#   1. builds the app into .next-load (or $NEXT_DIST_DIR; skip with --no-build to reuse the last build),
#      keeping tsconfig.json exactly as it was (next build adds its types folder to "include");
#   2. starts a throw-away PostgreSQL 15 on 127.0.0.1 (scripts/pg-temp.ts, db/testing-pg.ts);
#   3. runs scripts/load.ts: seed, two app server instances (scripts/server.mjs), 300 coordinators submitting at once,
#      checks in the API and the database, figures.
# Everything it started (app servers, PostgreSQL, temp folders) is stopped and removed on exit,
# on failure and on Ctrl-C. Exit status: that of scripts/load.ts (0 = no errors).
#
# Environment: LOAD_USERS (300), LOAD_CONCURRENCY (= LOAD_USERS), LOAD_READERS (2), LOAD_SEQUENTIAL (20),
# LOAD_PORTS ("3214,3215"), LOAD_NODE_ARGS, LOAD_DEADLINE_S (240),
# SUNLIGHT_NOW (2026-10-15T10:00:00+08:00: the 2026 Q3 report's due day), LOAD_KEEP_LOGS=1 keeps the app logs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"

build=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) echo "usage: npm run bench:load [-- --no-build]" >&2; exit 2 ;;
  esac
done

export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-load}"
export NEXT_TELEMETRY_DISABLED=1
export SUNLIGHT_NOW="${SUNLIGHT_NOW:-2026-10-15T10:00:00+08:00}"

work="$(mktemp -d "${TMPDIR:-/tmp}/sunlight-load-run.XXXXXX")"
child=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  # App servers of a load.ts that could not clean up (e.g. killed with SIGKILL): their process groups.
  if [ -f "$work/servers.pid" ]; then
    while read -r pid; do
      [[ "$pid" =~ ^[0-9]+$ ]] && kill -TERM -- "-$pid" 2>/dev/null || true
    done <"$work/servers.pid"
  fi
  if [ -f "$work/tsconfig.json" ] && ! cmp -s "$work/tsconfig.json" tsconfig.json; then
    cp "$work/tsconfig.json" tsconfig.json
  fi
  if [ -n "${PG_TEMP_DIR:-}" ]; then node_modules/.bin/tsx scripts/pg-temp.ts stop "$PG_TEMP_DIR" || true; fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$build" = 1 ]; then
  echo "[load] building the app into $NEXT_DIST_DIR (next build)…" >&2
  cp tsconfig.json "$work/tsconfig.json"
  started=$(date +%s)
  # In the background + wait, so that Ctrl-C reaches the trap at once.
  node_modules/.bin/next build >"$work/build.log" 2>&1 &
  child=$!
  if ! wait "$child"; then
    child=""
    tail -n 60 "$work/build.log" >&2
    echo "[load] error: next build failed" >&2
    exit 1
  fi
  child=""
  cp "$work/tsconfig.json" tsconfig.json
  echo "[load] built in $(($(date +%s) - started)) s" >&2
elif [ ! -f "$NEXT_DIST_DIR/BUILD_ID" ]; then
  echo "[load] error: --no-build but there is no build in $NEXT_DIST_DIR" >&2
  exit 2
fi

bash scripts/ensure-postgres.sh >/dev/null
PG_TEMP_DIR=""
# Durable commits as in production (fsync, full_page_writes, synchronous_commit on): the figures are for real.
eval "$(node_modules/.bin/tsx scripts/pg-temp.ts start --owner $$ --durable)"
export DATABASE_URL="$TEST_DATABASE_URL"
LOAD_PID_FILE="$work/servers.pid" node_modules/.bin/tsx scripts/load.ts &
child=$!
set +e
wait "$child"
rc=$?
set -e
child=""
exit "$rc"
