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
# 100,000 export-shaped payloads (seed 42, 15% faulty, `--shape export`: ~500 bytes each, as a
# CRM export) on which the targets are judged, 1,000,000 of them for the memory figure, and
# 100,000 mixed payloads (`--shape mixed`, with the giant ones) for the stress rows, then runs:
#   - criterion (benches/rules.rs, benches/payloads.rs): each field rule and whole payloads,
#     natively (smoke: `cargo test --benches`, each benchmark once, unoptimized);
#   - js/bench/node.mjs: the npm package (and its size build) next to the lean npm stack
#     (js/bench/lean-stack.mjs) and the Zod one (npm-stack.mjs) on the same parsed objects,
#     interleaved in one Node process; on both files;
#   - js/bench/cli.mjs: `contact-rules check --jobs 1` and `--jobs 2` next to the stacks as Node
#     commands over the same file (js/bench/stack-file.mjs), interleaved; peak RSS; on both files;
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

payloads() { # shape count file
  if [ ! -s "$3" ]; then
    step "generate $2 $1 payloads into $3"
    "$gen" --seed 42 --count "$2" --faults 0.15 --shape "$1" > "$3.tmp" && mv "$3.tmp" "$3"
  fi
}
if [ "$mode" = full ]; then
  file=$data/export-100k.ndjson
  stress=$data/payloads-100k.ndjson
  payloads export 100000 "$file"
  payloads export 1000000 "$data/export-1m.ndjson"
  payloads mixed 100000 "$stress"
  rss_files=(--rss-file "$file" --rss-file "$data/export-1m.ndjson")
  node_args=(--slice 10000 --rounds 10)
  stress_node_args=(--slice 10000 --rounds 4)
  cli_args=(--rounds 10)
  stress_cli_args=(--rounds 2 --no-zod)
  report_runs=5
else
  file=$data/export-1k.ndjson
  stress=$data/payloads-1k.ndjson
  payloads export 1000 "$file"
  payloads export 5000 "$data/export-5k.ndjson"
  payloads mixed 1000 "$stress"
  rss_files=(--rss-file "$file" --rss-file "$data/export-5k.ndjson")
  node_args=(--slice 500 --rounds 2)
  stress_node_args=(--slice 500 --rounds 1)
  cli_args=(--rounds 1)
  stress_cli_args=(--rounds 1 --no-zod)
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

step "Node: the npm package vs the npm stacks, same objects, interleaved (export-shaped file)"
node js/bench/node.mjs --file "$file" "${node_args[@]}" --json "$results/node.json" >&2

step "command line vs the npm stacks in Node over the same file, interleaved; peak RSS (export-shaped file)"
node js/bench/cli.mjs --bin "$bin" --file "$file" "${cli_args[@]}" "${rss_files[@]}" --json "$results/cli.json" >&2

step "stress rows: the same on the mixed file with its giant payloads"
node js/bench/node.mjs --file "$stress" "${stress_node_args[@]}" --json "$results/stress-node.json" >&2
node js/bench/cli.mjs --bin "$bin" --file "$stress" "${stress_cli_args[@]}" --json "$results/stress-cli.json" >&2

step "size and start-up (scripts/report.mjs)"
REPORT_RUNS=$report_runs node scripts/report.mjs --json "$results/report.json" >&2

step "table"
{
  [ "$mode" = smoke ] && echo "Smoke run: tiny inputs, each benchmark once; it only checks that everything runs, its figures mean nothing."
  echo "Benchmarks ($mode run) on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); \`bash scripts/bench.sh${1:+ $1}\`"
  echo
  node js/bench/table.mjs --node "$results/node.json" --cli "$results/cli.json" --report "$results/report.json" \
    --stress-node "$results/stress-node.json" --stress-cli "$results/stress-cli.json" "${criterion[@]}"
} | tee "$results/table.md"
