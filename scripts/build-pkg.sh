#!/usr/bin/env bash
# Builds the npm package `contact-rules` into pkg/: the crate compiled to WebAssembly by
# wasm-pack (target `web`: one ES module glue per set of exports) three times, plus the
# hand-written API and entry points from js/ — one per environment, picked by package.json's
# `exports` (README, "Use it in your app"):
#   contact_rules_core_bg.wasm         browsers' module: the rules, without the spreadsheet import
#                                      (opt-level "z", no cargo feature `import`)
#   import/contact_rules_import_bg.wasm  the same with the import (feature `import`), for pages
#                                      that import files (`contact-rules/import`)
#   contact_rules_core_fast.wasm       Node's module: everything, at opt-level 3
# The first has its glue (contact_rules_core.js) next to it; the other two share theirs
# (import/contact_rules_core.js), which this script checks byte for byte. Each glue has its own
# copy of the API (api.js, wire.js, state.js, loader.js, the same files in pkg/ and pkg/import/),
# so that a page can load both entries side by side.
#   index.js   browsers through bundlers that copy assets (the `production` condition)
#   inline.js  the size build inlined as base64 (esbuild, Rollup, dev servers, anything else)
#   manual.js  no automatic loading: init(module or URL) (contact-rules/manual, for workers)
#   node.js    Node's `import` (reads the speed build synchronously at import)
#   node.cjs   Node's `require` (the same, bundled into CommonJS by esbuild)
#   import/{index,inline,manual,node}.js, import.cjs   the same for `contact-rules/import`: the
#              whole API plus suggestMapping and createCsvImport
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
SKIP_BROWSER=1 . scripts/setup-wasm.sh

rm -rf pkg
CARGO_PROFILE_RELEASE_OPT_LEVEL="$wasm_opt_level" \
  wasm-pack build --release --target web --out-dir pkg --out-name contact_rules_core --no-pack \
  --no-default-features
rm -f pkg/.gitignore

# The import module: the same size build with the cargo feature `import` (its own target
# directory, so that both builds stay cached). Its glue keeps the name contact_rules_core.js
# (the wasm imports' namespace is named after it; api.js and loader.js import it by that name),
# in pkg/import/; the .wasm is renamed so that a page's downloads say which module they are.
import_out=target/wasm-import/pkg
rm -rf "$import_out"
CARGO_TARGET_DIR=target/wasm-import CARGO_PROFILE_RELEASE_OPT_LEVEL="$wasm_opt_level" \
  wasm-pack build --release --target web --out-dir "$import_out" --out-name contact_rules_core --no-pack \
  --no-default-features --features import
mkdir -p pkg/import
cp "$import_out/contact_rules_core.js" pkg/import/contact_rules_core.js
cp "$import_out/contact_rules_core_bg.wasm" pkg/import/contact_rules_import_bg.wasm

# The same crate again at opt-level 3 with the import (its own target directory), for Node:
# ~1.5x the contacts per second of the size build for ~190 KB more on disk, which no browser
# downloads (only Node's entries name it). Its glue must be the import module's byte for byte:
# pkg/import/ ships one glue file for both modules.
speed_dir=target/wasm-speed
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo build --release --locked --quiet --lib \
  --target wasm32-unknown-unknown --no-default-features --features import --target-dir "$speed_dir"
rm -rf "$speed_dir/bindgen"
wasm-bindgen --target web --omit-default-module-path --out-dir "$speed_dir/bindgen" --out-name contact_rules_core \
  "$speed_dir/wasm32-unknown-unknown/release/contact_rules.wasm"
if ! cmp -s "$speed_dir/bindgen/contact_rules_core.js" pkg/import/contact_rules_core.js; then
  echo "build-pkg: the opt-level 3 build's glue differs from the import module's" >&2
  exit 1
fi
# The browsers' default module must not hold the import: its glue has no CsvImport.
if grep -q 'CsvImport' pkg/contact_rules_core.js; then
  echo "build-pkg: contact_rules_core_bg.wasm was built with the import" >&2
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
shared_js="js/api.js js/wire.js js/state.js js/loader.js"
# shellcheck disable=SC2086 # one file per word
cp $shared_js js/index.js js/inline.js js/manual.js js/node.js js/index.d.ts README.md LICENSE-MIT LICENSE-APACHE pkg/
cp js/index.d.ts pkg/index.d.cts # the same declarations, read as CommonJS's by TypeScript (node16)
# shellcheck disable=SC2086
cp $shared_js js/import-api.js js/node-load.js js/import/index.js js/import/inline.js js/import/manual.js \
  js/import/node.js pkg/import/
cp js/import/index.d.ts pkg/import/index.d.ts
# The CommonJS declarations: the same, over index.d.cts.
sed "s|from '../index.js'|from '../index.cjs'|" js/import/index.d.ts > pkg/import/index.d.cts
grep -q "from '../index.cjs'" pkg/import/index.d.cts || { echo "build-pkg: import/index.d.cts names no ../index.cjs" >&2; exit 1; }

# inline.js's and import/inline.js's modules: each size build as base64 text in an ES module.
node -e '
const fs = require("fs");
for (const [wasm, out, entry] of [
  ["contact_rules_core_bg.wasm", "contact_rules_core_inline.js", "inline.js"],
  ["import/contact_rules_import_bg.wasm", "import/contact_rules_import_inline.js", "import/inline.js"],
]) {
  const b64 = fs.readFileSync("pkg/" + wasm).toString("base64");
  fs.writeFileSync("pkg/" + out,
    "// " + wasm + " as base64, for " + entry + " (made by scripts/build-pkg.sh).\n" +
    "export default \"" + b64 + "\";\n");
}
'

# node.cjs and import.cjs: js/node-cjs.js (and js/import/node-cjs.js) with api.js, state.js and
# the import modules' glue, each as one CommonJS file in pkg/ (next to contact_rules_core_fast.wasm,
# which they read from __dirname). The glue's default module URL (import.meta.url, which
# CommonJS has not) is never used: node-cjs.js passes the module itself.
cp js/node-cjs.js js/node-text.js pkg/import/
cp js/import/node-cjs.js pkg/import/import-cjs.js
for pair in node-cjs.js:node.cjs import-cjs.js:import.cjs; do
  esbuild "pkg/import/${pair%%:*}" --bundle --format=cjs --platform=node --target=node18 \
    --inject:pkg/import/node-text.js --log-override:empty-import-meta=silent --log-level=warning \
    --outfile="pkg/${pair##*:}"
done
rm pkg/import/node-cjs.js pkg/import/import-cjs.js pkg/import/node-text.js

node - <<'NODE'
const fs = require('fs');
const cargo = fs.readFileSync('Cargo.toml', 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const esm = { types: './index.d.ts' };
const cjs = { types: './index.d.cts', default: './node.cjs' };
const esmImport = { types: './import/index.d.ts' };
const cjsImport = { types: './import/index.d.cts', default: './import.cjs' };
const pkg = {
  name: 'contact-rules',
  version,
  description: 'Validate and normalize the contact payload of PUT /v1/contacts, with the same rules as the Rust crate (WebAssembly).',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  // For tools that do not read `exports`: Node's require, and bundlers' ES modules.
  main: './node.cjs',
  module: './inline.js',
  types: './index.d.ts',
  // First match wins (README, "Use it in your app"). Node, and server bundles that keep Node's
  // file: URLs (Next.js route handlers and server components: `react-server`), read the speed
  // build from disk, ready at import. Other bundled server code (`node` with a bundler's
  // `production`/`development`: Next.js server rendering of client components, which turns
  // `new URL(…, import.meta.url)` into a browser URL; Vitest; Vite SSR) takes the inlined
  // module. Browser production builds of tools that copy `new URL(…, import.meta.url)` assets
  // (Vite, webpack, Next.js) get index.js with its .wasm; everything else (esbuild, Rollup, whose
  // node-resolve sets `production` but no `browser`, dev servers, unknown tools) the inlined one.
  exports: {
    '.': {
      node: {
        'react-server': { import: { ...esm, default: './node.js' }, require: cjs },
        production: { ...esm, default: './inline.js' },
        development: { ...esm, default: './inline.js' },
        import: { ...esm, default: './node.js' },
        require: cjs,
      },
      require: cjs,
      browser: {
        production: { ...esm, default: './index.js' },
        default: { ...esm, default: './inline.js' },
      },
      default: { ...esm, default: './inline.js' },
    },
    './browser': { ...esm, default: './index.js' },
    './inline': { ...esm, default: './inline.js' },
    './manual': { ...esm, default: './manual.js' },
    // The whole API plus the spreadsheet import (suggestMapping, createCsvImport), for pages
    // that import files: the same conditions as '.', with the module built with the import
    // (import/contact_rules_import_bg.wasm; Node's module has it already).
    './import': {
      node: {
        'react-server': { import: { ...esmImport, default: './import/node.js' }, require: cjsImport },
        production: { ...esmImport, default: './import/inline.js' },
        development: { ...esmImport, default: './import/inline.js' },
        import: { ...esmImport, default: './import/node.js' },
        require: cjsImport,
      },
      require: cjsImport,
      browser: {
        production: { ...esmImport, default: './import/index.js' },
        default: { ...esmImport, default: './import/inline.js' },
      },
      default: { ...esmImport, default: './import/inline.js' },
    },
    './import/browser': { ...esmImport, default: './import/index.js' },
    './import/inline': { ...esmImport, default: './import/inline.js' },
    './import/manual': { ...esmImport, default: './import/manual.js' },
    './package.json': './package.json',
  },
  files: [
    'index.js', 'inline.js', 'manual.js', 'node.js', 'node.cjs', 'api.js', 'wire.js', 'state.js', 'loader.js', 'index.d.ts', 'index.d.cts',
    'contact_rules_core.js', 'contact_rules_core_inline.js', 'contact_rules_core_bg.wasm',
    'contact_rules_core_fast.wasm', 'import.cjs', 'import/', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE',
  ],
  // The entry points start loading the module when evaluated (node.js through
  // import/node-load.js): never skip them.
  sideEffects: ['./index.js', './inline.js', './node.js', './node.cjs', './import/index.js', './import/inline.js',
    './import/node.js', './import/node-load.js', './import.cjs'],
  engines: { node: '>=18' },
  keywords: ['validation', 'email', 'phone', 'linkedin', 'standard-schema', 'wasm'],
};
fs.writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
NODE
ls -l pkg pkg/import
