#!/usr/bin/env bash
# Tests of the demo page (www/): the bulk file readers in Node, then the end-to-end tests in
# three browser engines, Chromium, Firefox ESR and WebKitGTK (Debian's packages, installed by
# scripts/setup-browsers.sh; no browser is downloaded; js/test/support/browsers.mjs drives them).
# They start `node www/serve.mjs` on a free port themselves and refresh
# www/screenshots/form.png, bulk.png and phone.png from Chromium's run. server.e2e.test.mjs
# builds and starts contact-rules-server (cargo, debug) and runs the page against it in
# Chromium (server-form.png, server-bulk.png). Assumes pkg/ is built (scripts/build-pkg.sh) and
# the npm dev tools are installed (npm ci); scripts/test.sh does both before calling this.
# `BROWSERS=chromium,firefox` runs some engines only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f pkg/index.js ] || { echo "pkg/ is not built: run bash scripts/build-pkg.sh" >&2; exit 2; }
[ -d node_modules/playwright-core ] || { echo "the npm dev tools are missing: run npm ci" >&2; exit 2; }
[ -d node_modules/puppeteer-core ] && [ -d node_modules/selenium-webdriver ] ||
  { echo "the npm browser drivers are missing: run npm ci" >&2; exit 2; }
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "Chromium is not at $chromium (set CHROMIUM, or bash scripts/setup-browsers.sh)" >&2; exit 2; }
# Firefox ESR and WebKitGTK are skipped, with the reason, when they are not installed.
CHROMIUM="$chromium" node --test --test-timeout=600000 --test-reporter=spec www/test/
