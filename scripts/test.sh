#!/usr/bin/env bash
# The whole suite: types, unit tests, integration tests on PGlite and PostgreSQL, and
# end-to-end tests in Debian's Chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at /usr/bin/chromium: install Debian's 'chromium' package (sudo apt-get install chromium)." >&2
    exit 1
  fi
fi

echo "== Lint, format and unused code"
npx eslint . --max-warnings 0
npx prettier --check .
npx knip

echo "== Build (when the sources changed) and type check"
npx tsx scripts/build.ts
npx tsc --noEmit

echo "== Unit tests"
npx vitest run --project unit

echo "== Integration tests (PGlite and PostgreSQL)"
npx vitest run --project integration

echo "== End-to-end tests (Chromium)"
npx playwright test
