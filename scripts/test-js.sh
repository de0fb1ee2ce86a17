#!/usr/bin/env bash
# Node tests of the built npm package (pkg/, made by scripts/build-pkg.sh) and the TypeScript
# check of its types. The package is imported by its name, through its package.json `exports`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f pkg/package.json ] || { echo "pkg/ is not built: run scripts/build-pkg.sh" >&2; exit 2; }
ln -sfn ../pkg node_modules/contact-rules
node --test --test-timeout=600000 --test-reporter=spec js/test/
node_modules/.bin/tsc -p js/test/tsconfig.json
echo "tsc: js/test/usage.ts and usage-cjs.cts type-check against pkg/index.d.ts and index.d.cts"
