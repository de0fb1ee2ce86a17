#!/usr/bin/env bash
# The toolchain matrix (js/fixtures/): packs the npm package built in pkg/ (or in
# $CONTACT_RULES_PKG) as `npm pack` does for the registry, then runs js/fixtures/run.test.mjs,
# which installs that tarball into each fixture app (`npm ci` of the app's own lockfile, skipped
# when node_modules already matches it, then `npm install --no-save <tarball>`) and checks real
# results with Vite, webpack, esbuild, Rollup, Next.js, Node, Vitest and Jest, in headless
# Chromium or in Node.
#
# Usage: bash scripts/test-fixtures.sh [FIXTURE...]   (default: all of js/fixtures/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
pkg_dir="${CONTACT_RULES_PKG:-$root/pkg}"
[ -f "$pkg_dir/package.json" ] || { echo "$pkg_dir is not built: run scripts/build-pkg.sh" >&2; exit 2; }
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund

out="$root/target/fixtures"
mkdir -p "$out"
rm -f "$out"/contact-rules-*.tgz
tarball="$out/$(npm pack "$pkg_dir" --pack-destination "$out" --silent | tail -n 1)"
echo "packed $tarball ($(wc -c < "$tarball") bytes)"

CONTACT_RULES_TARBALL="$tarball" CONTACT_RULES_FIXTURES="$*" node --test --test-reporter=spec js/fixtures/run.test.mjs
