# shellcheck shell=bash
# Throw-away PostgreSQL server for tests: fresh cluster in a temp folder,
# listening on 127.0.0.1 only, on a free port, trust auth, user `postgres`.
#
# Two ways to use it:
#
#   1. Source it (scripts/test.sh does):
#        source scripts/lib/pg-temp.sh
#        pg_temp_start        # exports TEST_DATABASE_URL; sets PG_TEMP_DIR, PG_TEMP_PORT
#        ...                  # run things against $TEST_DATABASE_URL
#        pg_temp_stop         # idempotent; call it from your EXIT trap too
#
#   2. Run it:
#        bash scripts/lib/pg-temp.sh                 # start, `select version()`, stop
#        bash scripts/lib/pg-temp.sh CMD [ARGS...]   # run CMD with TEST_DATABASE_URL set
#      The server is stopped and its folder deleted on exit, failure, INT or TERM.
#
# Binaries: $PG_BINDIR if set, else /usr/lib/postgresql/15/bin, else the newest
# /usr/lib/postgresql/<major ≥ 15>/bin; if none, Debian's `postgresql` package is
# installed (services are kept from auto-starting; see lib/apt.sh).
# initdb refuses to run as root, so as root the cluster is owned by and run as
# the `postgres` OS user; otherwise it runs as the current user.
#
# Folders are /tmp/sunlight-pg.XXXXXX. Each records the PID of the shell that
# owns it; pg_temp_start first stops and deletes leftovers of owners that are
# gone (e.g. a run killed with SIGKILL), so repeated runs never pile up servers.

PG_TEMP_MIN_MAJOR=15
PG_TEMP_PREFERRED_MAJOR=15
PG_TEMP_OS_USER=postgres

_pg_temp_log() { echo "[pg-temp] $*" >&2; }

# Single-quote a string for /bin/sh.
_pg_temp_q() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

_pg_temp_is_root() { [ "$(id -u)" = 0 ]; }

# Run a /bin/sh command line as the server's OS user.
_pg_temp_as_owner() {
  if _pg_temp_is_root; then
    su "$PG_TEMP_OS_USER" -s /bin/sh -c "$1"
  else
    sh -c "$1"
  fi
}

# Sets PG_BINDIR to a directory holding initdb/pg_ctl/postgres of major >= 15.
pg_temp_find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    if [ -x "$PG_BINDIR/initdb" ] && [ -x "$PG_BINDIR/pg_ctl" ]; then return 0; fi
    _pg_temp_log "error: PG_BINDIR=$PG_BINDIR has no initdb/pg_ctl"
    return 1
  fi
  local d major best="" best_major=0
  if [ -x "/usr/lib/postgresql/$PG_TEMP_PREFERRED_MAJOR/bin/initdb" ]; then
    PG_BINDIR="/usr/lib/postgresql/$PG_TEMP_PREFERRED_MAJOR/bin"
    export PG_BINDIR
    return 0
  fi
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] || continue
    major="$(basename "$(dirname "$d")")"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -ge "$PG_TEMP_MIN_MAJOR" ] && [ "$major" -gt "$best_major" ]; then
      best="$d"; best_major="$major"
    fi
  done
  if [ -n "$best" ]; then
    PG_BINDIR="$best"
    export PG_BINDIR
    return 0
  fi
  return 1
}

# Finds the binaries, installing Debian's postgresql package if needed.
pg_temp_ensure_installed() {
  pg_temp_find_bindir && return 0
  _pg_temp_log "PostgreSQL >= $PG_TEMP_MIN_MAJOR not found under /usr/lib/postgresql; installing Debian's postgresql package..."
  # shellcheck source=apt.sh
  source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
  sunlight_apt_install postgresql >&2 || return 1
  if ! pg_temp_find_bindir; then
    _pg_temp_log "error: installed postgresql, but found no PostgreSQL >= $PG_TEMP_MIN_MAJOR in /usr/lib/postgresql/*/bin"
    return 1
  fi
}

_pg_temp_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# "PID STARTTIME" of a process, to tell a live owner from a reused PID.
_pg_temp_proc_id() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }" # drop "pid (comm) ", comm may contain spaces
  # field 22 (starttime) is the 20th after the comm field
  printf '%s %s\n' "$1" "$(echo "$stat" | awk '{print $20}')"
}

# Stops the server in folder $1 (if running) and deletes the folder.
_pg_temp_destroy_dir() {
  local dir="$1" pid="" postmaster=""
  [ -d "$dir" ] || return 0
  postmaster="$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
  if [ -f "$dir/data/postmaster.pid" ] && [ -n "${PG_BINDIR:-}" ]; then
    _pg_temp_as_owner "cd $(_pg_temp_q "$dir") && $(_pg_temp_q "$PG_BINDIR/pg_ctl") -D $(_pg_temp_q "$dir/data") -m fast -w -t 30 stop" >/dev/null 2>&1 || true
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    # pg_ctl could not stop it (or no binaries): kill the postmaster we started.
    pid="$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      _pg_temp_log "pg_ctl stop failed; sending SIGQUIT/SIGKILL to postmaster $pid"
      kill -QUIT "$pid" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir" || true
  # The postmaster was orphaned by pg_ctl, so init reaps it; wait (briefly) until
  # it is really gone, so that nothing named postgres outlives this call.
  if [[ "$postmaster" =~ ^[0-9]+$ ]]; then
    local i
    for i in $(seq 1 50); do [ -e "/proc/$postmaster" ] || break; sleep 0.2; done
  fi
}

# Removes servers/folders left by earlier runs whose owner process is gone.
pg_temp_reap_stale() {
  local dir owner
  for dir in /tmp/sunlight-pg.*; do
    [ -d "$dir" ] || continue
    # Not root: only our own folders (root's are chowned to the postgres user).
    _pg_temp_is_root || [ -O "$dir" ] || continue
    owner="$(cat "$dir/owner" 2>/dev/null || true)"
    if [ -n "$owner" ] && [ "$(_pg_temp_proc_id "${owner%% *}" 2>/dev/null || true)" = "$owner" ]; then
      continue # owner still alive: not ours to touch
    fi
    _pg_temp_log "removing stale test cluster $dir (owner ${owner:-unknown} is gone)"
    _pg_temp_destroy_dir "$dir" || true
  done
}

# Starts a fresh server. Exports TEST_DATABASE_URL; sets PG_TEMP_DIR, PG_TEMP_PORT (not exported).
pg_temp_start() {
  if [ -n "${PG_TEMP_DIR:-}" ] && [ -d "$PG_TEMP_DIR" ]; then
    _pg_temp_log "already running in $PG_TEMP_DIR"
    return 0
  fi
  pg_temp_ensure_installed || return 1
  if _pg_temp_is_root && ! id "$PG_TEMP_OS_USER" >/dev/null 2>&1; then
    _pg_temp_log "creating system user $PG_TEMP_OS_USER (initdb cannot run as root)"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_TEMP_OS_USER" || return 1
  fi
  pg_temp_reap_stale

  local dir
  # /tmp (not $TMPDIR): the postgres user must be able to reach the folder.
  dir="$(mktemp -d /tmp/sunlight-pg.XXXXXX)" || return 1
  PG_TEMP_DIR="$dir"

  _pg_temp_proc_id "$$" >"$dir/owner"
  mkdir -p "$dir/data" "$dir/sock"
  chmod 700 "$dir/data"
  if _pg_temp_is_root; then
    chown -R "$PG_TEMP_OS_USER:" "$dir" || return 1
  fi

  local bin="$PG_BINDIR" q_dir q_data
  q_dir="$(_pg_temp_q "$dir")"
  q_data="$(_pg_temp_q "$dir/data")"
  _pg_temp_log "initdb ($("$bin/postgres" --version 2>/dev/null || echo "$bin")) in $dir"
  if ! _pg_temp_as_owner "cd $q_dir && $(_pg_temp_q "$bin/initdb") -D $q_data --auth=trust -U postgres --encoding=UTF8 --locale=C --no-sync" >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    _pg_temp_log "error: initdb failed"
    return 1
  fi

  local attempt port opts
  for attempt in 1 2 3 4 5; do
    port="$(_pg_temp_free_port)" || return 1
    # fsync etc. off: a throw-away cluster needs no durability, and it is faster.
    opts="-h 127.0.0.1 -p $port -k $dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    if _pg_temp_as_owner "cd $q_dir && $(_pg_temp_q "$bin/pg_ctl") -D $q_data -l $(_pg_temp_q "$dir/server.log") -o $(_pg_temp_q "$opts") -w -t 60 start" >"$dir/pg_ctl.log" 2>&1; then
      PG_TEMP_PORT="$port"
      TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
      export TEST_DATABASE_URL
      _pg_temp_log "PostgreSQL up: $TEST_DATABASE_URL"
      return 0
    fi
    _pg_temp_log "start on port $port failed (attempt $attempt):"
    tail -n 20 "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
    # If the postmaster is half up, make sure it is down before retrying.
    _pg_temp_as_owner "$(_pg_temp_q "$bin/pg_ctl") -D $q_data -m immediate -w stop" >/dev/null 2>&1 || true
  done
  _pg_temp_log "error: could not start PostgreSQL"
  return 1
}

# Stops the server and deletes its folder. Safe to call any number of times.
pg_temp_stop() {
  [ -n "${PG_TEMP_DIR:-}" ] || return 0
  _pg_temp_log "stopping PostgreSQL and removing $PG_TEMP_DIR"
  _pg_temp_destroy_dir "$PG_TEMP_DIR"
  unset PG_TEMP_DIR PG_TEMP_PORT TEST_DATABASE_URL
}

# --- run as a script ---------------------------------------------------------
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  trap 'pg_temp_stop' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  [ "${1:-}" = "--" ] && shift
  pg_temp_start
  if [ "$#" -gt 0 ]; then
    # In the background + wait, so INT/TERM run the trap at once instead of
    # after the command ends; the trap's exit then stops the server.
    "$@" &
    _pg_temp_child=$!
    trap 'kill -TERM "$_pg_temp_child" 2>/dev/null; exit 130' INT
    trap 'kill -TERM "$_pg_temp_child" 2>/dev/null; exit 143' TERM
    wait "$_pg_temp_child"
  else
    "$PG_BINDIR/psql" "$TEST_DATABASE_URL" -v ON_ERROR_STOP=1 -c 'select version()'
  fi
fi
