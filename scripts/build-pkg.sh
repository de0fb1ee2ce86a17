#!/usr/bin/env bash
# Builds the npm package `contact-rules` into pkg/: the crate compiled to WebAssembly by
# wasm-pack (target `web`: one ES module for browsers and Node 18+), plus the hand-written
# entry point and types from js/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
SKIP_BROWSER=1 . scripts/setup-wasm.sh

rm -rf pkg
CARGO_PROFILE_RELEASE_OPT_LEVEL="$wasm_opt_level" \
  wasm-pack build --release --target web --out-dir pkg --out-name contact_rules_core --no-pack \
  --no-default-features
rm -f pkg/.gitignore
cp js/index.js js/index.d.ts README.md pkg/
node - <<'NODE'
const fs = require('fs');
const cargo = fs.readFileSync('Cargo.toml', 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const pkg = {
  name: 'contact-rules',
  version,
  description: 'Validate and normalize the contact payload of PUT /v1/contacts, with the same rules as the Rust crate (WebAssembly).',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  main: './index.js',
  types: './index.d.ts',
  exports: { '.': { types: './index.d.ts', default: './index.js' } },
  files: ['index.js', 'index.d.ts', 'contact_rules_core.js', 'contact_rules_core_bg.wasm', 'README.md'],
  sideEffects: false,
  engines: { node: '>=18' },
  keywords: ['validation', 'email', 'phone', 'linkedin', 'standard-schema', 'wasm'],
};
fs.writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
NODE
ls -l pkg
