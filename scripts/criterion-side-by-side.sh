#!/usr/bin/env bash
# Criterion side by side: two builds of benches/payloads.rs run alternately, so that a drifting
# machine weighs on both alike (issue 14's "at most half of today's figure, in the same run").
#
#   bash scripts/criterion-side-by-side.sh BEFORE_EXE AFTER_EXE [ROUNDS] [FILTER]
#
# BEFORE_EXE / AFTER_EXE: the payloads bench executables of the two commits, each built with
#   CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo bench --bench payloads --no-run
# (the path is printed as "Executable benches/payloads.rs (target/release/deps/payloads-…)";
# copy it aside before building the other commit). ROUNDS defaults to 6, FILTER to
# '^export/validate_contact_str\+serialize$'. Prints µs per payload (criterion's median time of
# one iteration over 1,000 payloads) for each side and round, then the median of the per-round
# ratios after/before with the lowest and highest round.
set -euo pipefail
before=${1:?before executable}; after=${2:?after executable}
rounds=${3:-6}; filter=${4:-'^export/validate_contact_str\+serialize$'}
time_of() { # exe -> µs per payload
  "$1" --bench "$filter" --warm-up-time 1 --measurement-time 3 --noplot 2>/dev/null |
    awk '/time:/ { v = $4; u = $5; if (u == "ms") v *= 1000; else if (u == "ns") v /= 1000; else if (u == "s") v *= 1000000; printf "%.3f\n", v / 1000; exit }'
}
ratios=()
for r in $(seq 1 "$rounds"); do
  b=$(time_of "$before"); a=$(time_of "$after")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  echo "round $r: before $b µs, after $a µs, after/before $ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "median after/before %.2f (rounds %.2f–%.2f)\n", m, v[1], v[NR] }'
