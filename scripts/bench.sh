#!/usr/bin/env bash
# Runs every benchmark and prints one markdown table: measure, ours, npm stack, ratio, target,
# met. The ratios are measured side by side in one run, so they hold on a loaded machine.
#
#   bash scripts/bench.sh            # full run (about 10 minutes on 2 cores)
#   bash scripts/bench.sh --smoke    # tiny inputs, unoptimized builds, each benchmark once:
#                                    # checks that all of it runs and prints the table
#                                    # (scripts/test.sh; nothing is timed against a target)
#
# It builds what it needs (release command line and generator, pkg/ with node_modules),
# writes the seeded payload files under target/bench-data/ when missing (never committed):
# 100,000 payloads (seed 42, 15% faulty) for the speed figures and 1,000,000 for the memory
# figure, then runs:
#   - criterion (benches/rules.rs, benches/payloads.rs): each field rule and whole payloads,
#     natively (smoke: `cargo test --benches`, each benchmark once, unoptimized);
#   - js/bench/node.mjs: the npm package next to the npm stack on the same parsed objects,
#     interleaved in one Node process;
#   - js/bench/cli.mjs: `contact-rules check --jobs 1` and `--jobs 2` next to the npm stack as a
#     Node command over the same file (js/bench/stack-file.mjs), interleaved; peak RSS;
#   - scripts/report.mjs: size (gzip, brotli) and start-up in Node and Chromium.
# Results: target/bench-results/*.json and table.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mode=full
case "${1:-}" in
  --smoke) mode=smoke ;;
  "") ;;
  *) echo "usage: bash scripts/bench.sh [--smoke]" >&2; exit 2 ;;
esac
step() { printf "\n==> [%s] %s\n" "$(date -u +%H:%M:%S)" "$*" >&2; }
data=target/bench-data
results=target/bench-results
mkdir -p "$data" "$results"
load_before=$(cut -d" " -f1-3 /proc/loadavg)

if [ "$mode" = full ]; then
  step "build: release command line and generator"
  cargo build --release --locked --quiet --bin contact-rules --example generate
  bin=target/release/contact-rules
  gen=target/release/examples/generate
else
  # The smoke run only checks that everything runs: the test profile's builds will do.
  step "build: command line and generator (unoptimized)"
  cargo build --locked --quiet --bin contact-rules --example generate
  bin=target/debug/contact-rules
  gen=target/debug/examples/generate
fi

if [ "$mode" = full ] || [ ! -f pkg/contact_rules_core_bg.wasm ] || [ ! -d node_modules/libphonenumber-js ]; then
  step "build: pkg/ (scripts/build-pkg.sh)"
  bash scripts/build-pkg.sh >&2
fi

payloads() { # count file
  if [ ! -s "$2" ]; then
    step "generate $1 payloads into $2"
    "$gen" --seed 42 --count "$1" --faults 0.15 > "$2.tmp" && mv "$2.tmp" "$2"
  fi
}
if [ "$mode" = full ]; then
  file=$data/payloads-100k.ndjson
  payloads 100000 "$file"
  payloads 1000000 "$data/payloads-1m.ndjson"
  rss_files=(--rss-file "$file" --rss-file "$data/payloads-1m.ndjson")
  node_args=(--slice 10000 --rounds 10)
  cli_args=(--rounds 5)
  report_runs=5
else
  file=$data/payloads-1k.ndjson
  payloads 1000 "$file"
  payloads 5000 "$data/payloads-5k.ndjson"
  rss_files=(--rss-file "$file" --rss-file "$data/payloads-5k.ndjson")
  node_args=(--slice 500 --rounds 2)
  cli_args=(--rounds 1)
  report_runs=1
fi

if [ "$mode" = full ]; then
  step "criterion: field rules and whole payloads (cargo bench)"
  cargo bench --locked --bench rules --bench payloads -- --warm-up-time 1 --measurement-time 3 >&2
  criterion=(--criterion target/criterion)
else
  step "criterion benchmarks, each once (cargo test --benches)"
  cargo test --locked --quiet --benches >&2
  criterion=()
fi

step "Node: the npm package vs the npm stack, same objects, interleaved"
node js/bench/node.mjs --file "$file" "${node_args[@]}" --json "$results/node.json" >&2

step "command line vs the npm stack in Node over the same file, interleaved; peak RSS"
node js/bench/cli.mjs --bin "$bin" --file "$file" "${cli_args[@]}" "${rss_files[@]}" --json "$results/cli.json" >&2

step "size and start-up (scripts/report.mjs)"
REPORT_RUNS=$report_runs node scripts/report.mjs --json "$results/report.json" >&2

step "table"
{
  [ "$mode" = smoke ] && echo "Smoke run: tiny inputs, each benchmark once; it only checks that everything runs, its figures mean nothing."
  echo "Benchmarks ($mode run) on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); \`bash scripts/bench.sh${1:+ $1}\`"
  echo
  node js/bench/table.mjs --node "$results/node.json" --cli "$results/cli.json" --report "$results/report.json" "${criterion[@]}"
} | tee "$results/table.md"
