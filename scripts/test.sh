#!/usr/bin/env bash
# Sunlight — the whole test suite, as CI runs it (`npm test`, via .ci/run).
#
# Usage:
#   bash scripts/test.sh                 # every step, in order
#   bash scripts/test.sh unit build      # only the named steps (still in suite order)
#   bash scripts/test.sh --list          # list step names
#
# Steps: typecheck, unit (TZ=UTC and TZ=Asia/Shanghai), int-pglite, int-postgres,
# build, e2e. Fails fast on the first failing step, prints a summary, and always
# cleans up: the throw-away PostgreSQL server (scripts/lib/pg-temp.sh) is
# stopped and its folder deleted, and any process this run started that is
# still alive (e.g. a next-server left by the e2e web server) is terminated.
# Needs no input; as root it installs missing Debian packages (chromium,
# postgresql) by itself, otherwise it uses passwordless sudo or says what to do.
#
# Environment it honours: CI (Playwright retries/forbidOnly), E2E_PORT (default
# 3100, or a free port if 3100 is taken), CHROMIUM_PATH, PG_BINDIR.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

export NEXT_TELEMETRY_DISABLED=1
# Plain logs when not on a terminal (CI): no ANSI colour codes, unless asked for.
if [ ! -t 1 ] && [ -z "${NO_COLOR:-}" ] && [ -z "${FORCE_COLOR:-}" ]; then
  export NO_COLOR=1
fi
# Marks every process this run starts (inherited through the environment), so
# cleanup can find leftovers precisely — never by process name.
SUNLIGHT_TEST_RUN_ID="$$-$(date +%s%N)-$RANDOM"
export SUNLIGHT_TEST_RUN_ID

ALL_STEPS=(typecheck unit int-pglite int-postgres build e2e)
declare -A STEP_TITLE=(
  [setup]="Prerequisites (Chromium, PostgreSQL binaries)"
  [typecheck]="Type check (tsc --noEmit)"
  [unit]="Unit tests (vitest --project unit, TZ=UTC and TZ=Asia/Shanghai)"
  [int-pglite]="Integration tests against PGlite"
  [int-postgres]="Integration tests against PostgreSQL"
  [build]="Production build (next build)"
  [e2e]="End-to-end tests (Playwright + Chromium)"
)
declare -A STEP_STATUS=()
declare -A STEP_SECS=()

if [ "${1:-}" = "--list" ]; then
  for s in "${ALL_STEPS[@]}"; do printf '%-13s %s\n' "$s" "${STEP_TITLE[$s]}"; done
  exit 0
fi
SELECTED=()
if [ "$#" -eq 0 ]; then
  SELECTED=("${ALL_STEPS[@]}")
else
  for s in "${ALL_STEPS[@]}"; do
    for a in "$@"; do [ "$a" = "$s" ] && SELECTED+=("$s") && break; done
  done
  for a in "$@"; do
    [[ " ${ALL_STEPS[*]} " == *" $a "* ]] || { echo "unknown step '$a' (try --list)" >&2; exit 2; }
  done
fi
selected() { [ "$1" = setup ] && return 0; local s; for s in "${SELECTED[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

banner() {
  echo
  echo "=================================================================="
  echo "== $*"
  echo "=================================================================="
}

# Runs a command in the background and waits for it, so that INT/TERM reach our
# trap at once (bash defers traps until a *foreground* command ends).
CHILD_PID=""
run() {
  echo "+ $*"
  "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

CURRENT_STEP=""
STEP_START=0
SUITE_START=$SECONDS
CLEANED=0

# PIDs of live processes carrying this run's marker (except this shell and
# the subshell running this function).
marked_pids() {
  local d pid
  for d in /proc/[0-9]*; do
    pid="${d#/proc/}"
    [ "$pid" = "$$" ] || [ "$pid" = "$BASHPID" ] && continue
    grep -q '^[0-9]* (.*) Z' "$d/stat" 2>/dev/null && continue # zombie: already dead
    if grep -qzx "SUNLIGHT_TEST_RUN_ID=$SUNLIGHT_TEST_RUN_ID" "$d/environ" 2>/dev/null; then
      echo "$pid"
    fi
  done
}

# Terminates processes this run started that are still alive (TERM, then KILL
# after 5 s); several rounds, in case one spawns another while dying.
reap_leftovers() {
  local round pid pids i cmd
  for round in 1 2 3; do
    mapfile -t pids < <(marked_pids)
    [ "${#pids[@]}" -gt 0 ] || return 0
    for pid in "${pids[@]}"; do
      cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-120 || true)"
      echo "cleanup: terminating leftover process $pid: $cmd"
      kill -TERM "$pid" 2>/dev/null || true
    done
    for i in $(seq 1 10); do
      mapfile -t pids < <(marked_pids)
      [ "${#pids[@]}" -gt 0 ] || break
      sleep 0.5
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  done
}

cleanup() {
  local rc=$?
  trap '' INT TERM
  [ "$CLEANED" = 1 ] && return 0
  CLEANED=1
  set +e
  if [ -n "$CURRENT_STEP" ] && [ -z "${STEP_STATUS[$CURRENT_STEP]:-}" ]; then
    STEP_STATUS[$CURRENT_STEP]=FAIL
    STEP_SECS[$CURRENT_STEP]=$((SECONDS - STEP_START))
    [ "$rc" = 0 ] && rc=1
  fi
  if [ -n "$CHILD_PID" ]; then kill -TERM "$CHILD_PID" 2>/dev/null; wait "$CHILD_PID" 2>/dev/null; fi
  reap_leftovers

  banner "Summary"
  local s line="" st
  for s in setup "${ALL_STEPS[@]}"; do
    if selected "$s"; then st="${STEP_STATUS[$s]:-SKIPPED}"; else st="not selected"; fi
    if [ -n "${STEP_SECS[$s]:-}" ]; then
      printf '  %-13s %-13s %4ss  %s\n' "$s" "$st" "${STEP_SECS[$s]}" "${STEP_TITLE[$s]}"
    else
      printf '  %-13s %-13s %5s  %s\n' "$s" "$st" "" "${STEP_TITLE[$s]}"
    fi
    selected "$s" && line+=" $s=${STEP_STATUS[$s]:-SKIPPED}"
  done
  local verdict=PASSED
  [ "$rc" = 0 ] || verdict=FAILED
  echo
  echo "test.sh: $verdict in $((SECONDS - SUITE_START))s:$line"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo; echo "test.sh: interrupted (SIGINT)"; exit 130' INT
trap 'echo; echo "test.sh: terminated (SIGTERM)"; exit 143' TERM

# --- steps --------------------------------------------------------------------
step_setup() {
  if selected e2e; then
    CHROMIUM_PATH="$(bash "$ROOT/scripts/ensure-chromium.sh")"
    export CHROMIUM_PATH
  fi
  if selected int-postgres; then
    PG_BINDIR="$(bash "$ROOT/scripts/ensure-postgres.sh")"
    export PG_BINDIR
    echo "PostgreSQL binaries: $PG_BINDIR"
  fi
  echo "node $(node --version), npm $(npm --version)"
}

step_typecheck() {
  run npx --no -- tsc --noEmit
}

step_unit() {
  local tz
  for tz in UTC Asia/Shanghai; do
    echo
    echo "-- unit tests with TZ=$tz"
    run env TZ="$tz" npx --no -- vitest run --project unit
  done
}

step_int-pglite() {
  run env SUNLIGHT_TEST_DB=pglite npx --no -- vitest run --project integration --passWithNoTests
}

step_int-postgres() {
  # The integration project's global set-up starts a throw-away cluster (db/testing-pg.ts).
  run env -u TEST_DATABASE_URL SUNLIGHT_TEST_DB=postgres npx --no -- vitest run --project integration --passWithNoTests
}

step_build() {
  run npx --no -- next build
}

port_is_free() {
  node -e "const s=require('net').createServer();s.once('error',()=>process.exit(1));s.listen(+process.argv[1],'127.0.0.1',()=>s.close(()=>process.exit(0)))" "$1"
}

step_e2e() {
  if [ -z "${E2E_PORT:-}" ]; then
    E2E_PORT=3100
    if ! port_is_free "$E2E_PORT"; then
      E2E_PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
      echo "port 3100 is busy; using E2E_PORT=$E2E_PORT"
    fi
  fi
  export E2E_PORT
  run npx --no -- playwright test
}

# --- main ---------------------------------------------------------------------
banner "Sunlight test suite: ${SELECTED[*]}"
CURRENT_STEP=setup
STEP_START=$SECONDS
step_setup
STEP_STATUS[setup]=PASS
STEP_SECS[setup]=$((SECONDS - STEP_START))

n=0
for s in "${SELECTED[@]}"; do
  n=$((n + 1))
  CURRENT_STEP="$s"
  STEP_START=$SECONDS
  banner "[$n/${#SELECTED[@]}] $s: ${STEP_TITLE[$s]}"
  "step_$s"
  STEP_STATUS[$s]=PASS
  STEP_SECS[$s]=$((SECONDS - STEP_START))
done
CURRENT_STEP=""
