#!/usr/bin/env bash
# Compares the `phonenumber` (0.3.10) and `rlibphonenumber` (2.2.15) crates with Google
# libphonenumber (Python phonenumbers 9.0.42) on ~90,000 generated phone strings.
# Usage: tools/phone-compare/run.sh [--seed N] [--count N]   (RUNS=N: timing runs, default 3)
set -euo pipefail
cd "$(dirname "$0")"
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check 'phonenumbers==9.0.42'
mkdir -p target
echo "generating inputs..." >&2
.venv/bin/python gen.py "$@" > target/inputs.tsv
echo "building (release)..." >&2
cargo build --release --locked --quiet
echo "running the crates..." >&2
target/release/phone-compare target/inputs.tsv > target/results.jsonl
.venv/bin/python compare.py target/inputs.tsv target/results.jsonl
