#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ and prints a table of executions, time, speed and peak
# memory per target.
#
#   scripts/fuzz.sh                       every target for 60 s
#   scripts/fuzz.sh 10                    every target for 10 s (a smoke run)
#   scripts/fuzz.sh --runs 10000000 email phone   10 million executions of two targets
#
# Targets: contact_str email phone linkedin domain uuid text custom_field.
# SANITIZER=address (default: memory errors and leaks, about 4x slower), leak (LeakSanitizer
# only: leaks) or none, as cargo-fuzz's --sanitizer; debug assertions and overflow checks are on
# in every case.
#
# Installs cargo-fuzz when missing, builds the seed corpus (fuzz/corpus/<target>/, not
# committed) from the shared vectors tests/vectors/*.json, then runs libFuzzer with a 10 s
# per-input timeout and a 2 GiB memory limit. A crash, timeout, leak or failed check (a panic,
# or a normalized value that does not normalize to itself) leaves its input in
# fuzz/artifacts/<target>/: turn it into a case of tests/vectors/regressions.json with
# `"source": "fuzz <target> <date>"`.
#
# Stable Rust only: cargo-fuzz needs nightly flags, so RUSTC_BOOTSTRAP=1 is set for it.
# Exit status: 0 when every target ran clean, 1 when one found something, 2 usage error.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

ALL_TARGETS=(contact_str email phone phone_engines linkedin domain uuid text custom_field)
seconds=60
runs=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) seconds="$1"; shift ;;
    *)
      if printf '%s\n' "${ALL_TARGETS[@]}" | grep -qx "$1"; then targets+=("$1"); shift
      else echo "fuzz.sh: unknown target or option: $1 (targets: ${ALL_TARGETS[*]})" >&2; exit 2; fi ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")

export RUSTC_BOOTSTRAP=1
sanitizer="${SANITIZER:-address}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz

echo "==> seed corpus from tests/vectors/*.json"
python3 - <<'PY'
# Writes one seed file per distinct input, in each target's layout (see fuzz/src/lib.rs):
# contact_str [b0 b1][payload JSON], field targets [b0][value], custom_field [n][key][value].
import glob, hashlib, json, os, re

lib = open("fuzz/src/lib.rs", encoding="utf-8").read()
regions = re.findall(r'"([A-Z]{2}|)"', re.search(r"REGIONS: \[&str; 64\] = \[(.*?)\];", lib, re.S).group(1))
assert len(regions) == 64, len(regions)

def region_index(code, limit):
    code = (code or "").upper()
    return regions.index(code) if code in regions[:limit] else 0

def contact_header(o):
    b0 = (o.get("phone_validity") == "possible") \
        | {"strip": 1, "keep": 2}.get(o.get("unknown_keys"), 0) << 1 \
        | (o.get("blank") == "omit") << 3 \
        | (o.get("email_case") == "preserve_local") << 4 \
        | (o.get("domain_mode") == "host") << 5 \
        | (o.get("lax_booleans") is False) << 6 \
        | bool(o.get("derive_domain_from_email")) << 7
    b1 = region_index(o.get("default_region"), 64)
    return bytes([b0, b1])

def field_header(o):
    return bytes([(o.get("phone_validity") == "possible")
                  | (o.get("email_case") == "preserve_local") << 1
                  | (o.get("domain_mode") == "host") << 2
                  | region_index(o.get("default_region"), 32) << 3])

seeds = {t: set() for t in ["contact_str", "email", "phone", "linkedin", "domain", "uuid", "text", "custom_field"]}
FIELD = {"email": "email", "linkedin_url": "linkedin", "phone_number": "phone", "domain": "domain",
         "account_id": "uuid", "first_name": "text", "last_name": "text", "title": "text", "location": "text"}
for path in sorted(glob.glob("tests/vectors/*.json")):
    for case in json.load(open(path, encoding="utf-8")):
        o = case.get("options") or {}
        if "input_text" in case:
            seeds["contact_str"].add(contact_header(o) + case["input_text"].encode("utf-8", "surrogatepass"))
            continue
        payload = case["input"]
        seeds["contact_str"].add(contact_header(o) + json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        if not isinstance(payload, dict):
            continue
        for key, value in payload.items():
            if key in FIELD and isinstance(value, str):
                seeds[FIELD[key]].add(field_header(o) + value.encode("utf-8", "surrogatepass"))
            elif key == "tags" and isinstance(value, list):
                for item in value:
                    if isinstance(item, str):
                        seeds["uuid"].add(b"\0" + item.encode("utf-8", "surrogatepass"))
            elif key.lower().startswith("custom_field"):
                k = key.encode("utf-8", "surrogatepass")[:255]
                v = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
                seeds["custom_field"].add(bytes([len(k)]) + k + v)
seeds["phone_engines"] = seeds["phone"]
for target, items in seeds.items():
    d = os.path.join("fuzz/corpus", target)
    os.makedirs(d, exist_ok=True)
    for item in items:
        with open(os.path.join(d, "seed-" + hashlib.sha1(item).hexdigest()), "wb") as f:
            f.write(item)
    print(f"  {target}: {len(items)} seeds")
PY

echo "==> building the fuzz targets (sanitizer: $sanitizer; debug assertions)"
cargo fuzz build -s "$sanitizer"

limit_args=()
if [ -n "$runs" ]; then limit_args=(-runs="$runs"); else limit_args=(-max_total_time="$seconds"); fi

status=0
rows=()
logs="$root/fuzz/target/logs"
mkdir -p "$logs"
for t in "${targets[@]}"; do
  case "$t" in
    contact_str) extra=(-max_len=8192 "-dict=$root/fuzz/dict/contact.dict") ;;
    custom_field) extra=(-max_len=1024) ;;
    *) extra=(-max_len=512) ;;
  esac
  log="$logs/$t.log"
  if [ -n "$runs" ]; then echo "==> $t ($runs runs)"; else echo "==> $t ($seconds s)"; fi
  start=$(date +%s.%N)
  set +e
  (cargo fuzz run -s "$sanitizer" "$t" -- "${limit_args[@]}" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 "${extra[@]}") >"$log" 2>&1
  rc=$?
  set -e
  end=$(date +%s.%N)
  execs=$(awk '/^stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
  rate=$(awk '/^stat::average_exec_per_sec/ {print $2}' "$log" | tail -1)
  rss=$(awk '/^stat::peak_rss_mb/ {print $2}' "$log" | tail -1)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.0f", b - a}')
  if [ "$rc" -eq 0 ]; then result=ok; else
    result="FOUND (rc $rc): $(grep -m1 -o 'fuzz/artifacts/[^ ]*\|artifacts/[^ ]*' "$log" || echo "see $log")"
    status=1
    tail -40 "$log" >&2
  fi
  rows+=("$(printf '| %-12s | %12s | %7s | %8s | %6s | %s |' "$t" "${execs:-?}" "$secs" "${rate:-?}" "${rss:-?}" "$result")")
done

echo
printf '| %-12s | %12s | %7s | %8s | %6s | %s |\n' target executions 'time s' 'exec/s' 'RSS MB' result
printf '|%s|%s|%s|%s|%s|%s|\n' -------------- -------------- --------- ---------- -------- --------
printf '%s\n' "${rows[@]}"
echo "(logs in fuzz/target/logs/)"
exit $status
