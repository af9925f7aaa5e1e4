#!/usr/bin/env bash
# Make sure a Chromium for Playwright is installed, and print its path.
#
# Uses $CHROMIUM_PATH if set (must be executable), else Debian's /usr/bin/chromium,
# installing the `chromium` package with apt-get when it is missing (as root, or
# through passwordless sudo). Never downloads Playwright's own browser builds
# (`npx playwright install` cannot work on this project's machines).
#
# Usage: bash scripts/ensure-chromium.sh        # prints the executable path on stdout
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/apt.sh
source "$here/lib/apt.sh"

if [ -n "${CHROMIUM_PATH:-}" ]; then
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "error: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
    exit 1
  fi
  chromium="$CHROMIUM_PATH"
else
  chromium=/usr/bin/chromium
  if [ ! -x "$chromium" ]; then
    echo "Chromium not found at $chromium; installing Debian's chromium package..." >&2
    sunlight_apt_install chromium >&2
    if [ ! -x "$chromium" ]; then
      echo "error: 'apt-get install chromium' finished but $chromium is still missing." >&2
      exit 1
    fi
  fi
fi

# Sanity check that the binary runs (the Debian wrapper script prints harmless
# noise on stderr on some machines, hence 2>/dev/null).
if ! version="$("$chromium" --version 2>/dev/null)"; then
  echo "error: '$chromium --version' failed; the Chromium install looks broken." >&2
  exit 1
fi
echo "Using $version ($chromium)" >&2
echo "$chromium"
