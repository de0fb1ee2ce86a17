#!/usr/bin/env bash
# Tests of the demo page (www/): the bulk file readers in Node, then the end-to-end tests in
# headless Chromium (Debian's chromium, driven by playwright-core; no browser is downloaded).
# They start `node www/serve.mjs` on a free port themselves and refresh
# www/screenshots/form.png and bulk.png. server.e2e.test.mjs builds and starts contact-rules-server
# (cargo, debug) and runs the page against it (server-form.png, server-bulk.png). Assumes pkg/ is
# built (scripts/build-pkg.sh) and the npm dev tools are installed (npm ci); scripts/test.sh does
# both before calling this.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f pkg/index.js ] || { echo "pkg/ is not built: run bash scripts/build-pkg.sh" >&2; exit 2; }
[ -d node_modules/playwright-core ] || { echo "the npm dev tools are missing: run npm ci" >&2; exit 2; }
chromium="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || { echo "Chromium is not at $chromium (set CHROMIUM, or apt-get install chromium)" >&2; exit 2; }
CHROMIUM="$chromium" node --test --test-reporter=spec www/test/
