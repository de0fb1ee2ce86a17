#!/usr/bin/env bash
# Load benchmark of contact-rules-server (a benchmark, never a test): requests per second and
# p50/p99 latency of PUT /v1/contacts on loopback at several concurrency levels, with wrk
# (Debian's package: its Lua hooks send a different generated payload with every request, which
# a fixed-body load generator cannot) and payloads from examples/generate.rs.
#
#   bash scripts/bench-server.sh [--duration SECONDS] [--levels "1 4 16 64"] [--payloads N]
#
# Builds the release server, writes N faultless generated payloads (region US; identities repeat
# across the file, so a run mixes creations and updates), starts the server on a fresh SQLite
# file (WAL, synchronous=FULL: every answer waits for its fsync), runs wrk for each level and
# prints a Markdown table. wrk and the server share the machine's cores.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
levels="1 4 16 64"
payloads=20000
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --levels) levels="$2"; shift 2 ;;
    --payloads) payloads="$2"; shift 2 ;;
    *) echo "usage: bash scripts/bench-server.sh [--duration SECONDS] [--levels \"1 4 16 64\"] [--payloads N]" >&2; exit 2 ;;
  esac
done
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null
  else sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk >/dev/null; fi
fi
cargo build --release --locked --quiet -p contact-rules-server
cargo build --locked --quiet --example generate
target_dir="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
"$target_dir/debug/examples/generate" --seed 42 --count "$payloads" --faults 0 > "$work/payloads.ndjson"

printf '| clients | requests/s | p50 | p99 | requests | created (201) | updated (200) | other (422, 409) | socket errors |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for c in $levels; do
  # A fresh database per level, so that every level starts from the same state.
  # (server.out removed first: the loop below must not read the previous server's address.)
  rm -f "$work"/bench.db* "$work/server.out"
  "$target_dir/release/contact-rules-server" --db "$work/bench.db" --listen 127.0.0.1:0 --region US \
    > "$work/server.out" 2> "$work/server.err" &
  server_pid=$!
  for _ in $(seq 300); do grep -q 'listening on' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
  url="$(sed -n 's/.*listening on \(http:[^ ]*\)/\1/p' "$work/server.out")"
  [ -n "$url" ] || { echo "the server did not start: $(cat "$work/server.out" "$work/server.err")" >&2; exit 1; }
  threads=$(( c < 2 ? c : 2 ))
  out="$(wrk -t"$threads" -c"$c" -d"${duration}s" --timeout 30s -s scripts/bench-server.lua "$url" -- "$work/payloads.ndjson")"
  read -r _ requests rps p50 p99 created updated other sockerr _ <<<"$(grep '^RESULT' <<<"$out")"
  ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$c" "$rps" "$(ms "$p50")" "$(ms "$p99")" \
    "$requests" "$created" "$updated" "$other" "$sockerr"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
done
printf '\n%s, %s cores, %ss per level, %s payloads (seed 42, no faults), wrk %s\n' \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$duration" "$payloads" "$(wrk -v 2>&1 | head -1 | awk '{print $2}')"
