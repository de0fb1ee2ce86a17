#!/usr/bin/env bash
# Runs every test of contact-rules, installing what the tests need on a fresh machine
# (idempotently: what is already there is skipped). `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "toolchain components"
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

step "format"
cargo fmt --all -- --check

step "clippy (host: the crate with its axum feature, and server/)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "tests (native: unit, vectors, integration, doc; server/: HTTP agreement, upsert, concurrency, SIGKILL, hostile HTTP)"
cargo test --workspace --locked

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet

step "agreement with the reference implementations (Python venv from PyPI)"
python3 scripts/agreement.py

step "WebAssembly tools (wasm32 target, wasm-pack, wasm-bindgen-cli, npm dev tools, Chromium)"
. scripts/setup-wasm.sh

step "browser engines: Chromium, Firefox ESR, WebKitGTK (Debian packages) and their npm drivers"
bash scripts/setup-browsers.sh

step "clippy (wasm32: the browsers' module, and with the import as contact-rules/import's and Node's)"
cargo clippy --target wasm32-unknown-unknown --no-default-features --lib --tests --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --features import --lib --tests --locked -- -D warnings

step "shared vectors in Chromium (wasm-pack test --headless --chrome)"
CHROMEDRIVER="$(command -v chromedriver)" CARGO_PROFILE_RELEASE_OPT_LEVEL="$wasm_opt_level" \
  wasm-pack test --headless --chrome --release --no-default-features --test wasm

step "npm package: build pkg/, Node tests, the shared vectors in three browser engines, TypeScript check"
bash scripts/build-pkg.sh
bash scripts/test-js.sh

step "benchmarks, smoke run (runs each benchmark once and prints the table; never timed)"
bash scripts/bench.sh --smoke

step "www/ demo page: end-to-end tests in Chromium, Firefox ESR and WebKitGTK"
bash scripts/test-www.sh

step "toolchain matrix: the packed package in fixture apps (Vite, webpack, esbuild, Rollup, Next.js, Node, Vitest, Jest)"
bash scripts/test-fixtures.sh

printf '\nall checks passed\n'
