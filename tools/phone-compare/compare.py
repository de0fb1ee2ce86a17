"""Compares the Rust crates' answers with Google libphonenumber (Python phonenumbers).

Usage: python compare.py INPUTS.tsv RESULTS.jsonl

For each input, the reference answer is `phonenumbers.parse(input, region)` then
`is_valid_number`, and when valid `format_number(E164)` plus `;ext=` and the extension. A crate
agrees on an input when it gives the same verdict and, for a valid number, the same E.164
string. Prints a Markdown table and a few disagreements per crate.
"""

import json
import sys
import time
import unicodedata
from collections import Counter

import phonenumbers as pn

CRATES = [
    ("rlib", "`rlibphonenumber` 2.2.15", "9.0.42"),
    ("pn", "`phonenumber` 0.3.10", "9.0.33"),
]


def reference(text, region):
    try:
        n = pn.parse(text, region or None)
    except pn.NumberParseException:
        return [False, None]
    if not pn.is_valid_number(n):
        return [False, None]
    s = pn.format_number(n, pn.PhoneNumberFormat.E164)
    if n.extension:
        s += ";ext=" + "".join(str(unicodedata.digit(c)) for c in n.extension)
    return [True, s]


def fmt(us):
    if us is None:
        return "?"
    return f"{us:.2f}" if us < 100 else f"{us:,.0f}"


def main():
    inputs_path, results_path = sys.argv[1], sys.argv[2]
    with open(inputs_path, encoding="utf-8", newline="") as f:
        inputs = [line.rstrip("\n").split("\t", 1) for line in f]
    with open(results_path, encoding="utf-8") as f:
        results = [json.loads(line) for line in f]
    timing = results.pop()
    assert len(results) == len(inputs), (len(results), len(inputs))

    start, cpu = time.perf_counter(), time.process_time()
    refs = [reference(text, region) for region, text in inputs]
    ref_us = (time.perf_counter() - start) * 1e6 / len(inputs)
    ref_cpu = (time.process_time() - cpu) * 1e6 / len(inputs)

    n = len(inputs)
    valid = sum(r[0] for r in refs)
    print(f"{n} inputs (default region US), {valid} valid by libphonenumber ({100 * valid / n:.1f}%)\n")
    print("| library | metadata | agreement with libphonenumber | rejects valid | accepts invalid | other E.164 | panics | µs/number (CPU) | µs/number (wall) |")
    print("|---|---|---|---|---|---|---|---|---|")
    examples = {}
    for key, name, meta in CRATES:
        kinds = Counter()
        ex = []
        for (region, text), ref, res in zip(inputs, refs, results):
            got = res[key]
            if got == ref:
                continue
            if got == "panic":
                kind = "panic"
            elif got[0] != ref[0]:
                kind = "rejects" if ref[0] else "accepts"
            else:
                kind = "e164"
            kinds[kind] += 1
            ex.append((kind, text, ref, got))
        agree = n - sum(kinds.values())
        print(
            f"| {name} | {meta} | {100 * agree / n:.2f}% ({agree}/{n}) | {kinds['rejects']} | {kinds['accepts']} | {kinds['e164']} "
            f"| {kinds['panic']} | {fmt(timing['timing'][key]['cpu'])} | {fmt(timing['timing'][key]['wall'])} |"
        )
        examples[name] = ex
    print(f"| Python `phonenumbers` 9.0.42 (the reference) | 9.0.42 | 100% | – | – | – | – | {fmt(ref_cpu)} | {fmt(ref_us)} |")
    runs = timing["runs"]
    print(
        f"\nPer number: parse (default region US) + is_valid + format E.164. Rust: release build, "
        f"{max(runs['rlib'], 1)} timed pass(es) for rlibphonenumber and {max(runs['pn'], 1)} for phonenumber "
        f"(wall: the best pass; CPU: the mean). Python: one pass."
    )
    for name, ex in examples.items():
        print(f"\nDisagreements of {name} with libphonenumber (first of each kind):")
        if not ex:
            print("  none")
        shown = Counter()
        # E.164 differences first: they are the silent data corruption.
        for kind, text, ref, got in sorted(ex, key=lambda e: e[0] != "e164"):
            if shown[kind] >= 4:
                continue
            shown[kind] += 1
            want = ref[1] if ref[0] else "invalid"
            have = got if got == "panic" else (got[1] if got[0] else "invalid")
            print(f"  {text!r:40} libphonenumber {want:22} crate {have}")


if __name__ == "__main__":
    main()
