#!/usr/bin/env bash
# Make sure PostgreSQL ≥ 15 binaries are installed for the tests' throw-away clusters
# (db/testing-pg.ts, scripts/pg-temp.ts), and print their folder.
#
# Uses $PG_BINDIR if set, else /usr/lib/postgresql/15/bin, else the newest
# /usr/lib/postgresql/<major ≥ 15>/bin; if none, installs Debian's `postgresql` package
# (services are kept from auto-starting; see lib/apt.sh). As root it also creates the
# `postgres` OS user if missing (initdb refuses to run as root; clusters run as that user).
#
# Usage: bash scripts/ensure-postgres.sh        # prints the bin folder on stdout
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/apt.sh
source "$here/lib/apt.sh"

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/initdb" ] && [ -x "$PG_BINDIR/pg_ctl" ] && { echo "$PG_BINDIR"; return 0; }
    echo "error: PG_BINDIR=$PG_BINDIR has no initdb/pg_ctl" >&2
    return 2
  fi
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then echo /usr/lib/postgresql/15/bin; return 0; fi
  local d major best="" best_major=0
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] || continue
    major="$(basename "$(dirname "$d")")"
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -ge 15 ] && [ "$major" -gt "$best_major" ]; then best="$d"; best_major="$major"; fi
  done
  [ -n "$best" ] && { echo "$best"; return 0; }
  return 1
}

rc=0
bindir="$(find_bindir)" || rc=$?
[ "$rc" = 2 ] && exit 1
if [ -z "$bindir" ]; then
  echo "PostgreSQL >= 15 not found under /usr/lib/postgresql; installing Debian's postgresql package..." >&2
  sunlight_apt_install postgresql >&2
  bindir="$(find_bindir)" || { echo "error: installed postgresql, but found no PostgreSQL >= 15 in /usr/lib/postgresql/*/bin" >&2; exit 1; }
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  echo "creating system user postgres (initdb cannot run as root)" >&2
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi
echo "$bindir"
