#!/usr/bin/env bash
# Sunlight — the whole test suite, as CI runs it (`npm test`, via .ci/run).
#
# Usage:
#   bash scripts/test.sh                 # every step
#   bash scripts/test.sh unit build      # only the named steps
#   bash scripts/test.sh --serial        # one step at a time, in suite order, output live
#   bash scripts/test.sh --list          # list step names
#
# Steps: typecheck, lint (eslint with import boundaries, prettier, knip), unit (two projects:
# TZ=UTC and TZ=Asia/Shanghai), int-pglite, int-postgres, build, pages (the 300-school HTML budgets
# on the build), e2e. Before them, `templates`
# builds the PGlite template databases once (migrated, and seeded with the demo —
# scripts/test-templates.ts): int-pglite clones them per file and the e2e server starts from a copy
# of the seeded one (int-postgres builds its own on its own server).
#
# By default two lanes run side by side — the app lane (build → e2e, which mostly waits on the
# browser and the server) and the checks lane (templates → typecheck → lint → unit → int-pglite
# → int-postgres → pages, which mostly computes) — so a 2-core machine stays busy. Each step's output is
# printed as one block when the step ends. The first failing step stops the run.
# A summary lists every step's time; the suite's wall time is the last line.
#
# Always cleans up: the throw-away PostgreSQL cluster of int-postgres is stopped by the test run
# itself (db/testing-pg.ts) and, should that fail, by the next run; the run's temp folder is
# deleted; any process this run started that is still alive (e.g. a next-server left by the e2e
# web server) is terminated. Needs no input; as root it installs missing Debian packages
# (chromium, postgresql, faketime) by itself, otherwise it uses passwordless sudo or says what to do.
#
# Environment it honours: CI (Playwright retries/forbidOnly), E2E_PORT (default 3100, or a free
# port if 3100 is taken), CHROMIUM_PATH, PG_BINDIR, SUNLIGHT_TEST_SERIAL=1 (= --serial), and
# SUNLIGHT_TEST_CLOCK_SHIFT (e.g. +30d, +365d, -2y): every step runs under `faketime -f SHIFT`,
# i.e. with the wall clock of the whole process tree (node, the browser, PostgreSQL) moved, to
# prove that no test depends on the day it runs (the app's "today" comes from SUNLIGHT_NOW only).
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

ALL_STEPS=(typecheck lint unit int-pglite int-postgres build pages e2e)
APP_LANE=(build e2e)
CHECKS_LANE=(templates typecheck lint unit int-pglite int-postgres pages)
declare -A STEP_TITLE=(
  [setup]="Prerequisites (Chromium, PostgreSQL binaries, faketime)"
  [templates]="Template databases for int-pglite and e2e (PGlite: migrated, seeded)"
  [typecheck]="Type check (tsc --noEmit)"
  [lint]="Lint and import boundaries (eslint), format (prettier), dead code and dependencies (knip)"
  [unit]="Unit tests (vitest projects unit + unit-shanghai: TZ=UTC and TZ=Asia/Shanghai)"
  [int-pglite]="Integration tests against PGlite"
  [int-postgres]="Integration tests against PostgreSQL"
  [build]="Production build (next build)"
  [e2e]="End-to-end tests (Playwright + Chromium)"
  [pages]="Page budgets of a 300-school district on the production build (npm run bench:pages)"
)

SERIAL="${SUNLIGHT_TEST_SERIAL:-0}"
ARGS=()
for a in "$@"; do
  case "$a" in
    --list)
      for s in "${ALL_STEPS[@]}"; do printf '%-13s %s\n' "$s" "${STEP_TITLE[$s]}"; done
      exit 0
      ;;
    --serial) SERIAL=1 ;;
    *) ARGS+=("$a") ;;
  esac
done
SELECTED=()
if [ "${#ARGS[@]}" -eq 0 ]; then
  SELECTED=("${ALL_STEPS[@]}")
else
  for a in "${ARGS[@]}"; do
    [[ " ${ALL_STEPS[*]} " == *" $a "* ]] || { echo "unknown step '$a' (try --list)" >&2; exit 2; }
  done
  for s in "${ALL_STEPS[@]}"; do
    for a in "${ARGS[@]}"; do [ "$a" = "$s" ] && SELECTED+=("$s") && break; done
  done
fi
selected() {
  case "$1" in
    setup) return 0 ;;
    templates) if selected int-pglite || selected e2e; then return 0; else return 1; fi ;;
  esac
  local s
  for s in "${SELECTED[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}

CLOCK_SHIFT="${SUNLIGHT_TEST_CLOCK_SHIFT:-}"
if [ -n "$CLOCK_SHIFT" ] && ! [[ "$CLOCK_SHIFT" =~ ^[+-][0-9]+[smhdy]?$ ]]; then
  echo "SUNLIGHT_TEST_CLOCK_SHIFT='$CLOCK_SHIFT': expected e.g. +30d, +365d, -2y (faketime's relative offset)" >&2
  exit 2
fi

# The run's own folder: templates, step logs and status files.
RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/sunlight-test.XXXXXX")"
mkdir -p "$RUN_DIR/status"

banner() {
  echo
  echo "=================================================================="
  echo "== $*"
  echo "=================================================================="
}

# Runs a command (under faketime when the clock is shifted) in the background and waits for it,
# so that INT/TERM reach our trap at once (bash defers traps until a *foreground* command ends).
CHILD_PID=""
run() {
  local cmd=("$@")
  [ -n "$CLOCK_SHIFT" ] && cmd=(faketime -f "$CLOCK_SHIFT" "${cmd[@]}")
  echo "+ ${cmd[*]}"
  "${cmd[@]}" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}

SUITE_START=$SECONDS
CLEANED=0
LANE_PIDS=()

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

status_of() { cat "$RUN_DIR/status/$1" 2>/dev/null || true; }

cleanup() {
  local rc=$?
  trap '' INT TERM
  [ "$CLEANED" = 1 ] && return 0
  CLEANED=1
  set +e
  if [ -n "$CHILD_PID" ]; then kill -TERM "$CHILD_PID" 2>/dev/null; wait "$CHILD_PID" 2>/dev/null; fi
  local pid
  for pid in "${LANE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${LANE_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  reap_leftovers

  # Steps stopped half-way (lanes): what they had printed so far.
  local f
  for f in "$RUN_DIR"/status/*; do
    [ "$(cat "$f" 2>/dev/null)" = RUNNING ] && [ -f "$RUN_DIR/$(basename "$f").log" ] || continue
    banner "$(basename "$f"): stopped — its last output"
    tail -n 80 "$RUN_DIR/$(basename "$f").log"
  done

  banner "Summary${CLOCK_SHIFT:+ (wall clock shifted by $CLOCK_SHIFT)}"
  local s line="" st secs cpu
  printf '  %-13s %-13s %5s %6s\n' step status wall CPU
  for s in setup templates "${ALL_STEPS[@]}"; do
    st=""
    secs=""
    cpu=""
    read -r st secs cpu < <(status_of "$s") || true
    if ! selected "$s"; then st="not selected"; secs=""
    elif [ -z "$st" ]; then st=SKIPPED
    elif [ "$st" = RUNNING ]; then st=STOPPED # by a failure elsewhere, or Ctrl-C
    fi
    if [ -n "$secs" ]; then
      [[ "$cpu" =~ ^[0-9]+$ ]] && cpu="${cpu}s" || cpu=""
      printf '  %-13s %-13s %4ss %6s  %s\n' "$s" "$st" "$secs" "$cpu" "${STEP_TITLE[$s]}"
    else
      printf '  %-13s %-13s %5s %6s  %s\n' "$s" "$st" "" "" "${STEP_TITLE[$s]}"
    fi
    selected "$s" && line+=" $s=$st"
  done
  grep -q FAIL "$RUN_DIR"/status/* 2>/dev/null && [ "$rc" = 0 ] && rc=1
  rm -rf "$RUN_DIR"
  local verdict=PASSED
  [ "$rc" = 0 ] || verdict=FAILED
  echo
  echo "test.sh: $verdict in $((SECONDS - SUITE_START))s ($([ "$SERIAL" = 1 ] && echo serial || echo two lanes)):$line"
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
  if [ -n "$CLOCK_SHIFT" ]; then
    if ! command -v faketime >/dev/null 2>&1; then
      echo "faketime not found; installing Debian's faketime package..."
      # shellcheck source=lib/apt.sh
      source "$ROOT/scripts/lib/apt.sh"
      sunlight_apt_install faketime
    fi
    echo "wall clock shifted by $CLOCK_SHIFT: $(faketime -f "$CLOCK_SHIFT" date -u '+%Y-%m-%d %H:%M UTC') (real: $(date -u '+%Y-%m-%d %H:%M UTC'))"
  fi
  echo "node $(node --version), npm $(npm --version)"
}

step_templates() {
  mkdir -p "$RUN_DIR/templates"
  run node_modules/.bin/tsx scripts/test-templates.ts pglite "$RUN_DIR/templates"
}

step_typecheck() {
  run npx --no -- tsc --noEmit
}

step_lint() {
  run npx --no -- eslint --max-warnings=-1 .
  run npx --no -- prettier --check --log-level warn .
  run npx --no -- knip
}

step_unit() {
  run npx --no -- vitest run --project unit --project unit-shanghai
}

step_int-pglite() {
  run env SUNLIGHT_TEST_DB=pglite npx --no -- vitest run --project integration --passWithNoTests
}

step_int-postgres() {
  # The integration project's global set-up starts a throw-away cluster (db/testing-pg.ts) and
  # builds the PostgreSQL templates on it.
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
  # The seeded template of this run (the e2e server copies it instead of seeding): in two lanes,
  # the checks lane builds it while the app lane builds the app.
  while [[ "$(status_of templates)" =~ ^(RUNNING)?$ ]]; do sleep 0.5; done
  local st=""
  read -r st _ < <(status_of templates) || true
  if [ "$st" != PASS ]; then
    echo "the template databases were not built ($st); the e2e server seeds its own"
  fi
  run npx --no -- playwright test
}

# Issue 15's HTML budgets for a 300-school district (matrix, queues), on this run's production
# build: scripts/page-bytes.ts seeds the demo and a generated district into a fresh embedded
# database, serves the build on a free port and fetches each page as the district's evaluator; it
# exits 1 when a page is over its budget. In two lanes it runs at the end of the checks lane, once
# the app lane's build is done, beside the e2e tests.
step_pages() {
  if selected build; then
    while [[ "$(status_of build)" =~ ^(RUNNING)?$ ]]; do sleep 0.5; done
    local st=""
    read -r st _ < <(status_of build) || true
    if [ "$st" != PASS ]; then
      echo "no production build ($st)"
      return 1
    fi
  fi
  local port
  port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  run npx --no -- tsx scripts/page-bytes.ts --schools 300 --port "$port"
}

# Sets CPU_NOW: CPU seconds (user + system) used so far by this shell's finished children (bash
# `times`, run in this shell itself: in a $(…) subshell it would see no children).
cpu_now() {
  local f="$RUN_DIR/times.$BASHPID" # (in the $(…) below, BASHPID would be the subshell's)
  times >"$f"
  CPU_NOW="$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } printf "%d", t }' "$f")"
}

# Runs one step: its output live (serial) or into its log, printed as one block when it ends
# (lanes); records "STATUS SECONDS CPU-SECONDS" in $RUN_DIR/status/<step>. CPU is that of the
# step's own processes (node, the browser, the app server; not the PostgreSQL server, which is
# not our child): unlike the wall time it hardly depends on what else the machine is doing.
run_step() {
  local s="$1" start=$SECONDS rc=0 st cpu0 cpu
  cpu_now
  cpu0=$CPU_NOW
  echo RUNNING >"$RUN_DIR/status/$s"
  if [ "$SERIAL" = 1 ]; then
    banner "$s: ${STEP_TITLE[$s]}"
    "step_$s" || rc=$?
  else
    echo "[$(date +%H:%M:%S)] $s: started"
    "step_$s" >"$RUN_DIR/$s.log" 2>&1 || rc=$?
  fi
  st=PASS
  [ "$rc" = 0 ] || st=FAIL
  cpu_now
  cpu=$((CPU_NOW - cpu0))
  echo "$st $((SECONDS - start)) $cpu" >"$RUN_DIR/status/$s"
  if [ "$SERIAL" != 1 ]; then
    # One block per step, never interleaved with the other lane's.
    {
      flock 9
      banner "$s: ${STEP_TITLE[$s]} — $st in $((SECONDS - start))s (CPU ${cpu}s)"
      cat "$RUN_DIR/$s.log"
    } 9>"$RUN_DIR/print.lock"
  fi
  return "$rc"
}

# Runs the selected steps of a lane in order; stops at the first failure.
run_lane() {
  local s
  # Stopped by the other lane's failure (or Ctrl-C): stop this lane's running step too.
  trap 'if [ -n "$CHILD_PID" ]; then kill -TERM "$CHILD_PID" 2>/dev/null; fi; exit 143' TERM
  for s in "$@"; do
    selected "$s" || continue
    run_step "$s" || return 1
  done
}

# --- main ---------------------------------------------------------------------
banner "Sunlight test suite: ${SELECTED[*]}${CLOCK_SHIFT:+ — wall clock shifted by $CLOCK_SHIFT}"
SETUP_START=$SECONDS
step_setup
echo "PASS $((SECONDS - SETUP_START))" >"$RUN_DIR/status/setup"
export SUNLIGHT_TEST_PGLITE_TEMPLATE="$RUN_DIR/templates"

if [ "$SERIAL" = 1 ]; then
  for s in templates "${ALL_STEPS[@]}"; do
    selected "$s" || continue
    run_step "$s"
  done
else
  # A failed templates step must not leave e2e waiting: run_step records it either way.
  run_lane "${CHECKS_LANE[@]}" &
  LANE_PIDS+=($!)
  run_lane "${APP_LANE[@]}" &
  LANE_PIDS+=($!)
  # The first lane to fail stops the other.
  failed=0
  remaining=("${LANE_PIDS[@]}")
  while [ "${#remaining[@]}" -gt 0 ]; do
    done_pid=""
    rc=0
    wait -n -p done_pid "${remaining[@]}" || rc=$?
    [ "$rc" = 0 ] || { failed=1; break; }
    mapfile -t remaining < <(printf '%s\n' "${remaining[@]}" | grep -vx "$done_pid")
  done
  if [ "$failed" = 1 ]; then
    for pid in "${LANE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    exit 1
  fi
  LANE_PIDS=()
fi
