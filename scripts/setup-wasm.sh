#!/usr/bin/env bash
# Installs what building and testing the WebAssembly package needs, skipping what is there:
# the wasm32 target, wasm-pack, wasm-bindgen-cli at the exact version in Cargo.lock (wasm-pack's
# own download cannot work offline), the npm dev tools (binaryen's wasm-opt 132: Debian's 108
# corrupts wasm-bindgen's output), and Chromium with its driver for the browser tests.
# Source it (`. scripts/setup-wasm.sh`) so that PATH keeps node_modules/.bin first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

command -v wasm-pack >/dev/null || cargo install wasm-pack --locked

wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  # --locked first; its lockfile can name a yanked crate (0.2.130 locks webpki-roots 1.0.11,
  # which the index no longer offers), and then a fresh resolution of the same version works.
  cargo install wasm-bindgen-cli --locked --version "$wbg_version" ||
    cargo install wasm-bindgen-cli --version "$wbg_version"
fi

if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || ! (cd "$root" && npm ls --depth=0 >/dev/null 2>&1); then
  (cd "$root" && npm ci --no-audit --no-fund)
fi

if [ "${SKIP_BROWSER:-}" != 1 ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The WebAssembly build that browsers load is optimized for size: opt-level "z" for the wasm-pack
# commands of the scripts (build-pkg.sh, and test.sh's browser tests, so that both share compiled
# dependencies). About 70 KB less gzip than opt-level 3 for ~1.5x the time per contact; Node
# does not pay it, build-pkg.sh also makes an opt-level 3 module that only Node loads (README,
# JavaScript / TypeScript). Not exported: the native build keeps the release profile's opt-level 3.
wasm_opt_level=z
