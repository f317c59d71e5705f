#!/usr/bin/env bash
# The whole test suite from a fresh clone: install what it needs (npm packages; Chromium via
# apt-get when running as root on Debian), then typecheck, lint, unit tests, end-to-end tests.
# Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "npm ci"
npm ci --no-audit --no-fund

step "chromium"
chromium_path="${CHROMIUM_PATH:-}"
if [ -z "$chromium_path" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -x "$candidate" ]; then chromium_path="$candidate"; break; fi
  done
fi
if [ -z "$chromium_path" ] && ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; then
  echo "using Playwright's own Chromium"
elif [ -z "$chromium_path" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium is missing: installing Debian's chromium package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
    chromium_path=/usr/bin/chromium
  else
    echo "Chromium was not found. Install a browser for the end-to-end tests, then run this again:" >&2
    echo "  npx playwright install chromium        (any OS), or" >&2
    echo "  sudo apt-get install chromium          (Debian/Ubuntu), or" >&2
    echo "  export CHROMIUM_PATH=/path/to/chrome   (an existing Chrome/Chromium)" >&2
    exit 1
  fi
fi
[ -n "$chromium_path" ] && export CHROMIUM_PATH="$chromium_path" && echo "using $CHROMIUM_PATH"

step "typecheck"
npm run --silent typecheck

step "lint"
npm run --silent lint

step "unit and simulation tests"
NO_COLOR=1 npx vitest run

step "end-to-end tests (production build, Chromium)"
CI="${CI:-true}" npx playwright test
