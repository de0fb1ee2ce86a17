#!/usr/bin/env bash
# Builds the npm package `contact-rules` into pkg/: the crate compiled to WebAssembly by
# wasm-pack (target `web`: one ES module glue), twice (size build for browsers, speed build for
# Node), plus the hand-written API and entry points from js/ — one per environment, picked by
# package.json's `exports` (README, "Use it in your app"):
#   index.js   browsers through bundlers that copy assets (the `production` condition)
#   inline.js  the size build inlined as base64 (esbuild, Rollup, dev servers, anything else)
#   manual.js  no automatic loading: init(module or URL) (contact-rules/manual, for workers)
#   node.js    Node's `import` (reads the speed build synchronously at import)
#   node.cjs   Node's `require` (the same, bundled into CommonJS by esbuild)
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
# which no browser downloads (only js/node.js and node-cjs.js name it). Its glue
# must be the size build's byte for byte: pkg/ ships one glue file for both modules.
speed_dir=target/wasm-speed
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo build --release --locked --quiet --lib \
  --target wasm32-unknown-unknown --no-default-features --target-dir "$speed_dir"
rm -rf "$speed_dir/bindgen"
wasm-bindgen --target web --omit-default-module-path --out-dir "$speed_dir/bindgen" --out-name contact_rules_core \
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
cp js/api.js js/state.js js/loader.js js/index.js js/inline.js js/manual.js js/node.js js/index.d.ts README.md LICENSE-MIT LICENSE-APACHE pkg/
cp js/index.d.ts pkg/index.d.cts # the same declarations, read as CommonJS's by TypeScript (node16)

# inline.js's module: the size build as base64 text in an ES module.
node -e '
const fs = require("fs");
const b64 = fs.readFileSync("pkg/contact_rules_core_bg.wasm").toString("base64");
fs.writeFileSync("pkg/contact_rules_core_inline.js",
  "// contact_rules_core_bg.wasm as base64, for inline.js (made by scripts/build-pkg.sh).\n" +
  "export default \"" + b64 + "\";\n");
'

# node.cjs: js/node-cjs.js with api.js, state.js and the glue, as one CommonJS file. The glue's
# default module URL (import.meta.url, which CommonJS has not) is never used: node-cjs.js passes
# the module itself.
cp js/node-cjs.js js/node-text.js pkg/
esbuild pkg/node-cjs.js --bundle --format=cjs --platform=node --target=node18 \
  --inject:pkg/node-text.js --log-override:empty-import-meta=silent --log-level=warning \
  --outfile=pkg/node.cjs
rm pkg/node-cjs.js pkg/node-text.js

node - <<'NODE'
const fs = require('fs');
const cargo = fs.readFileSync('Cargo.toml', 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const esm = { types: './index.d.ts' };
const cjs = { types: './index.d.cts', default: './node.cjs' };
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
    './package.json': './package.json',
  },
  files: [
    'index.js', 'inline.js', 'manual.js', 'node.js', 'node.cjs', 'api.js', 'state.js', 'loader.js', 'index.d.ts', 'index.d.cts',
    'contact_rules_core.js', 'contact_rules_core_inline.js', 'contact_rules_core_bg.wasm',
    'contact_rules_core_fast.wasm', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE',
  ],
  // The entry points start loading the module when evaluated: never skip them.
  sideEffects: ['./index.js', './inline.js', './node.js', './node.cjs'],
  engines: { node: '>=18' },
  keywords: ['validation', 'email', 'phone', 'linkedin', 'standard-schema', 'wasm'],
};
fs.writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
NODE
ls -l pkg
