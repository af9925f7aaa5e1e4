# shellcheck shell=bash
# Shared helper for installing Debian packages from the project's scripts.
# Source it; it defines `sunlight_apt_install PKG...`.
#
# - As root: runs apt-get directly. Otherwise uses `sudo -n` when available,
#   else fails with a clear message.
# - Runs `apt-get update` at most once per test run (SUNLIGHT_APT_UPDATED=1 is
#   exported afterwards, so child scripts skip it too).
# - While installing, a temporary /usr/sbin/policy-rc.d forbids package
#   maintainer scripts from starting services (Debian's `postgresql` package
#   would otherwise start a cluster on port 5432 and leave it running). An
#   existing policy-rc.d is left untouched.

sunlight_apt_sudo() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    echo "error: need root to run: $* (not root, and passwordless sudo is unavailable)." >&2
    echo "       Install it by hand, e.g. 'sudo apt-get install -y ${*: -1}', then re-run." >&2
    return 1
  fi
}

sunlight_apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found; cannot install: $* (this script expects Debian)." >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ "${SUNLIGHT_APT_UPDATED:-}" != 1 ]; then
    echo "+ apt-get update"
    sunlight_apt_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    export SUNLIGHT_APT_UPDATED=1
  fi
  local policy=/usr/sbin/policy-rc.d made_policy=0 rc=0
  if [ ! -e "$policy" ]; then
    sunlight_apt_sudo sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy" && made_policy=1
  fi
  echo "+ apt-get install -y $*"
  sunlight_apt_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" || rc=$?
  if [ "$made_policy" = 1 ]; then
    sunlight_apt_sudo rm -f "$policy" || true
  fi
  return "$rc"
}
