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

# The same crate again at opt-level 3 (its own target directory, so that both builds stay
# cached), for Node: ~1.5x the contacts per second of the size build for ~190 KB more on disk,
# which no browser downloads (js/index.js reads it only from a file: URL in Node). Its glue
# must be the size build's byte for byte: pkg/ ships one glue file for both modules.
speed_dir=target/wasm-speed
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo build --release --locked --quiet --lib \
  --target wasm32-unknown-unknown --no-default-features --target-dir "$speed_dir"
rm -rf "$speed_dir/bindgen"
wasm-bindgen --target web --out-dir "$speed_dir/bindgen" --out-name contact_rules_core \
  "$speed_dir/wasm32-unknown-unknown/release/contact_rules.wasm"
if ! cmp -s "$speed_dir/bindgen/contact_rules_core.js" pkg/contact_rules_core.js; then
  echo "build-pkg: the opt-level 3 build's glue differs from the size build's" >&2
  exit 1
fi
# The WebAssembly features wasm-pack's wasm-opt is given (Cargo.toml's wasm-pack metadata, the
# one place they are written), with -O3 instead of its -Oz.
wasm_features=$(sed -n '/^\[package.metadata.wasm-pack.profile.release\]/,/^\[/p' Cargo.toml |
  grep -o -- '--enable-[a-z-]*')
[ -n "$wasm_features" ] || { echo "build-pkg: no --enable-* flags found in Cargo.toml" >&2; exit 1; }
# shellcheck disable=SC2086 # one flag per word
wasm-opt -O3 $wasm_features "$speed_dir/bindgen/contact_rules_core_bg.wasm" \
  -o pkg/contact_rules_core_fast.wasm
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
  files: ['index.js', 'index.d.ts', 'contact_rules_core.js', 'contact_rules_core_bg.wasm', 'contact_rules_core_fast.wasm', 'README.md'],
  sideEffects: false,
  engines: { node: '>=18' },
  keywords: ['validation', 'email', 'phone', 'linkedin', 'standard-schema', 'wasm'],
};
fs.writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
NODE
ls -l pkg
