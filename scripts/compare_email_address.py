#!/usr/bin/env python3
"""Measures the `email_address` crate against pydantic's `EmailStr`, next to the email rule.

    python3 scripts/compare_email_address.py [--seed 42] [--count 20000] [--faults 0.15] [--show 5]

The design card named `email_address` for emails; the library ports pydantic's `EmailStr`
(pydantic + email-validator, the API's own validator) instead. This script is the evidence in
the README's Dependencies section: with agreement.py's virtual environment (`.venv`, the pins of
`scripts/requirements.txt`) it builds `examples/generate` and `examples/compare_email_address`
(release), then, on three input sets:

* `emails.tsv`: the public test-suite inputs of `../shared/testdata/public` (or
  `$CONTACT_RULES_TESTDATA`), raw, one case per row;
* `mixed`: the distinct non-blank email strings of the generated payloads of agreement.py
  (`--shape mixed`, seeded, with faults);
* `export`: the same from CRM-export-shaped payloads (`--shape export`, the benchmarks' file);

gives each input to `EmailStr` and to `email_address` 0.2 with its strictest options, with them
but display names allowed (`EmailStr` takes `Name <addr>`), and with its defaults (all after
the rule's documented pre-processing: trim, strip `mailto:`; the public inputs raw), and the
raw input to the library's email rule. Prints per set how many inputs each accepts, the
disagreements with `EmailStr` of each kind with their reasons and the first examples, and the
rule's disagreements (verdict, and value where both accept).
Informational: exits 0 whatever the counts (agreement.py holds the rule to its targets).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

from agreement import (  # noqa: E402
    ROOT,
    References,
    RustFailure,
    cargo_build,
    ensure_venv,
    read_tsv,
    run_lines,
    rust_trim,
)

SIDES = (
    ("strict", "email_address, strictest options"),
    ("display", "email_address, strictest but display names allowed"),
    ("default", "email_address, default options"),
)


def payload_emails(generate: str, seed: int, count: int, faults: float, shape: str) -> list[str]:
    cmd = [generate, "--seed", str(seed), "--count", str(count), "--faults", str(faults),
           "--shape", shape]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    seen: dict[str, None] = {}
    for line in out.splitlines():
        p = json.loads(line)
        v = p.get("email") if isinstance(p, dict) else None
        if isinstance(v, str) and rust_trim(v):
            seen.setdefault(v, None)
    return list(seen)


def stripped(raw: str) -> str:
    """The rule's documented pre-processing (as agreement.py applies it for EmailStr)."""
    s = rust_trim(raw)
    return s[7:] if s[:7].lower() == "mailto:" else s


def report(name: str, cases: list[tuple[str, str]], outs: list[dict], refs: References,
           show: int) -> None:
    n = len(cases)
    ref = [refs.email_verdict(s) for _, s in cases]
    pyd_ok = sum(1 for ok, _ in ref if ok)
    print(f"\n## {name}: {n} inputs; EmailStr accepts {pyd_ok}, refuses {n - pyd_ok}\n")
    print("| validator | accepts | refuses | accepted, EmailStr refuses | refused, EmailStr accepts"
          " | agreement with EmailStr |")
    print("|---|---:|---:|---:|---:|---:|")
    details = []
    for key, label in SIDES:
        ok = [o[key] is None for o in outs]
        over = [i for i in range(n) if ok[i] and not ref[i][0]]
        under = [i for i in range(n) if not ok[i] and ref[i][0]]
        agree = n - len(over) - len(under)
        print(f"| {label} | {sum(ok)} | {n - sum(ok)} | {len(over)} | {len(under)} | "
              f"{100 * agree / n:.2f}% ({agree}/{n}) |")
        details.append((label, over, under, key))
    port_ok = [o["port"]["ok"] for o in outs]
    p_over = [i for i in range(n) if port_ok[i] and not ref[i][0]]
    p_under = [i for i in range(n) if not port_ok[i] and ref[i][0]]
    p_agree = n - len(p_over) - len(p_under)
    print(f"| contact-rules' email rule | {sum(port_ok)} | {n - sum(port_ok)} | {len(p_over)} | "
          f"{len(p_under)} | {100 * p_agree / n:.2f}% ({p_agree}/{n}) |")
    both = [i for i in range(n) if port_ok[i] and ref[i][0]]
    p_value = [i for i in both if outs[i]["port"]["value"] != ref[i][1]]
    print(f"\nThe rule's value where both accept: {len(both) - len(p_value)}/{len(both)} equal to "
          "EmailStr's (local part lower-cased, as the rule's default `email_case`).")

    def shown(i: int, key: str) -> str:
        raw, s = cases[i]
        what = f"{s!r}" if raw == s else f"{s!r} (raw {raw!r})"
        error = outs[i][key] if key != "port" else outs[i]["port"]["code"]
        pyd = "ok" if ref[i][0] else ref[i][1]
        return f"{what}: EmailStr {pyd}; {'accepted' if error is None else error}"

    details.append(("contact-rules' email rule", p_over, p_under, "port"))
    for label, over, under, key in details:
        if over:
            reasons = Counter(ref[i][1].removeprefix("value_error: ")[:90] for i in over)
            print(f"\n{label}, accepted but EmailStr refuses ({len(over)}), by EmailStr's reason:")
            for reason, c in reasons.most_common(12):
                print(f"  {c:6}  {reason}")
            for i in over[:show]:
                print(f"    e.g. {shown(i, key)}")
        if under:
            reasons = Counter((outs[i][key] if key != "port" else outs[i]["port"]["code"])
                              for i in under)
            print(f"\n{label}, refused but EmailStr accepts ({len(under)}), by the crate's error:")
            for reason, c in reasons.most_common(12):
                print(f"  {c:6}  {reason}")
            for i in under[:show]:
                print(f"    e.g. {shown(i, key)}")
    for i in p_value[:show]:
        print(f"  value differs: {cases[i][0]!r}: rule {outs[i]['port']['value']!r}, "
              f"EmailStr {ref[i][1]!r}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--faults", type=float, default=0.15)
    ap.add_argument("--show", type=int, default=5, help="examples shown per kind of disagreement")
    ap.add_argument("--testdata", type=Path, default=None,
                    help="public test data (default $CONTACT_RULES_TESTDATA or "
                    "../shared/testdata/public)")
    args = ap.parse_args()
    ensure_venv(Path(__file__))

    exes = cargo_build(False, ("generate", "compare_email_address"), "compare_email_address")
    refs = References(None)
    import email_validator
    import pydantic

    print(f"pydantic {pydantic.VERSION}, email-validator {email_validator.__version__}, "
          "email_address 0.2.10 (Cargo.lock); seed "
          f"{args.seed}, {args.count} payloads per shape, faults {args.faults}")

    sets: list[tuple[str, list[tuple[str, str]]]] = []
    testdata = args.testdata or (
        Path(os.environ["CONTACT_RULES_TESTDATA"]) if os.environ.get("CONTACT_RULES_TESTDATA")
        else ROOT.parent / "shared" / "testdata" / "public"
    )
    if (testdata / "emails.tsv").is_file():
        sets.append(("emails.tsv (public test suites, raw)",
                     [(cols[0], cols[0]) for cols in read_tsv(testdata / "emails.tsv")]))
    else:
        print(f"compare_email_address: no {testdata / 'emails.tsv'}; that set is skipped",
              file=sys.stderr)
    for shape in ("mixed", "export"):
        emails = payload_emails(str(exes["generate"]), args.seed, args.count, args.faults, shape)
        sets.append((f"generated payloads, --shape {shape} (distinct emails)",
                     [(e, stripped(e)) for e in emails]))

    for name, cases in sets:
        lines = [json.dumps({"raw": raw, "stripped": s}) for raw, s in cases]
        try:
            outs = run_lines([str(exes["compare_email_address"])], lines, "compare_email_address")
        except RustFailure as e:
            sys.exit(f"compare_email_address: {e}")
        report(name, cases, outs, refs, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
