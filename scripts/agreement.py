#!/usr/bin/env python3
"""Measures how far contact-rules agrees with the reference implementations the API relies on.

    python3 scripts/agreement.py [--seed 42] [--count 20000] [--faults 0.15] [--debug]

Steps: makes (or reuses) a virtual environment at `.venv` with the pinned references of
`scripts/requirements.txt` (pydantic, email-validator, phonenumbers, publicsuffixlist), builds
`examples/generate` and `examples/field_verdicts` with cargo (release unless `--debug`), then
checks:

* generated payloads (seeded, with faults): every payload the library accepts is accepted by the
  pydantic model of the API (`scripts/api_model.py`) after normalization (refusals must be 0);
  normalizing twice changes nothing (differences must be 0); and each field value in those
  payloads gets the same verdict from the library as from the reference: email vs pydantic
  `EmailStr`, phone vs phonenumbers (valid?, E.164 with `;ext=`), UUIDs vs pydantic `UUID`,
  domains vs the Public Suffix List algorithm of `publicsuffixlist` fed the very list the `psl`
  crate was built from;
* the public test-suite inputs, when `../shared/testdata/public` (or `$CONTACT_RULES_TESTDATA`)
  exists: emails.tsv vs `EmailStr` on the raw input, phones.tsv vs phonenumbers, uuids.tsv vs
  pydantic `UUID`, domains.tsv vs its expected column.

Prints one table (dataset, field, cases, agree, %, target) and the first disagreements of each
row; exits 1 when a target is missed or the Rust side panicked, 2 when it cannot run.
Needs no network but PyPI (first run only) and crates.io.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "scripts" / "requirements.txt"


# ------------------------------------------------------------------------------------------------
# The virtual environment (standard library only until we run inside it)
# ------------------------------------------------------------------------------------------------


def pins() -> dict[str, str]:
    out = {}
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            out[name.strip()] = version.strip()
    return out


CHECK_PINS = """
import importlib.metadata as m, json, sys
want = json.loads(sys.argv[1])
bad = []
for name, version in want.items():
    try:
        have = m.version(name)
    except m.PackageNotFoundError:
        have = None
    if have != version:
        bad.append(f"{name} {have or 'missing'} (want {version})")
print(json.dumps(bad))
"""


def pins_missing(python: Path | str) -> list[str]:
    r = subprocess.run(
        [str(python), "-c", CHECK_PINS, json.dumps(pins())], capture_output=True, text=True
    )
    if r.returncode != 0:
        return [f"cannot check packages: {r.stderr.strip()}"]
    return json.loads(r.stdout)


def ensure_venv(script: Path | None = None) -> None:
    """Re-executes `script` (default: this one) inside `.venv`, creating it and installing the
    pins if needed."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"agreement: creating {VENV}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    missing = pins_missing(python)
    if missing:
        print(f"agreement: installing {', '.join(missing)}", file=sys.stderr)
        env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1")
        r = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)], env=env
        )
        if r.returncode != 0:
            sys.exit(f"agreement: pip install -r {REQUIREMENTS} failed")
    script = (script or Path(__file__)).resolve()
    os.execv(str(python), [str(python), str(script), *sys.argv[1:]])


# ------------------------------------------------------------------------------------------------
# The Rust side
# ------------------------------------------------------------------------------------------------


class RustFailure(Exception):
    """The Rust side crashed, panicked or printed something unexpected."""


def cargo_build(debug: bool, names: tuple[str, ...] = ("generate", "field_verdicts"),
                who: str = "agreement") -> dict[str, Path]:
    """Builds the examples `names`; returns their executables by name."""
    cmd = ["cargo", "build", "--message-format=json-render-diagnostics"]
    for name in names:
        cmd += ["--example", name]
    if not debug:
        cmd.append("--release")
    print(f"{who}: {' '.join(cmd[:2] + cmd[3:])}", file=sys.stderr)
    r = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit(f"{who}: cargo build failed (see above)")
    exes = {}
    for line in r.stdout.splitlines():
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
            exes[msg["target"]["name"]] = Path(msg["executable"])
    for name in names:
        if name not in exes:
            sys.exit(f"{who}: cargo did not report the {name} example's executable")
    return exes


def psl_rules_file() -> Path | None:
    """The list the `psl` crate (as locked in Cargo.lock) was built from."""
    r = subprocess.run(
        ["cargo", "metadata", "--format-version", "1"], cwd=ROOT, capture_output=True, text=True
    )
    if r.returncode != 0:
        return None
    for pkg in json.loads(r.stdout)["packages"]:
        if pkg["name"] == "psl":
            rules = Path(pkg["manifest_path"]).parent / "data" / "rules.txt"
            return rules if rules.exists() else None
    return None


def run_lines(cmd: list[str], lines: list[str], what: str) -> list[dict]:
    """Feeds `lines` to a Rust example and parses one JSON line out per line in."""
    data = "".join(line + "\n" for line in lines).encode()
    r = subprocess.run(cmd, input=data, capture_output=True)
    out = r.stdout.decode().splitlines()
    err = r.stderr.decode(errors="replace").strip()
    if r.returncode not in (0, 3) or len(out) != len(lines):
        raise RustFailure(
            f"{what}: exit status {r.returncode}, {len(out)} lines out for {len(lines)} in"
            + (f"\n{err[-2000:]}" if err else "")
        )
    return [json.loads(line) for line in out]


# ------------------------------------------------------------------------------------------------
# References
# ------------------------------------------------------------------------------------------------

# Rust's `char::is_whitespace` (Unicode White_Space), which the library trims and collapses.
RUST_WS = set(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def rust_trim(s: str) -> str:
    i, j = 0, len(s)
    while i < j and s[i] in RUST_WS:
        i += 1
    while j > i and s[j - 1] in RUST_WS:
        j -= 1
    return s[i:j]


class References:
    def __init__(self, psl_rules: Path | None):
        import email_validator
        import phonenumbers
        from publicsuffixlist import PublicSuffixList
        from pydantic import EmailStr, TypeAdapter
        from uuid import UUID

        self.phonenumbers = phonenumbers
        self.email = TypeAdapter(EmailStr)
        self.uuid = TypeAdapter(UUID)
        self.special_use = tuple(email_validator.SPECIAL_USE_DOMAIN_NAMES)
        if psl_rules is not None:
            with open(psl_rules, "rb") as f:
                self.psl = PublicSuffixList(f, accept_unknown=True)
            self.psl_note = f"the psl crate's list ({psl_rules.parent.parent.name})"
        else:
            self.psl = None
            self.psl_note = "psl crate's list not found"

    # Each returns (ok, value or error type).

    def email_verdict(self, raw: str):
        try:
            v = self.email.validate_json(json.dumps(raw))
        except Exception as e:  # pydantic.ValidationError
            return False, first_error(e)
        local, _, domain = v.rpartition("@")
        return True, f"{local.lower()}@{domain}"

    def phone(self, raw: str, region: str | None):
        pn = self.phonenumbers
        try:
            n = pn.parse(raw, region)
        except pn.NumberParseException as e:
            return False, f"parse: {e.error_type}"
        if not pn.is_valid_number(n):
            return False, "not valid"
        value = pn.format_number(n, pn.PhoneNumberFormat.E164)
        if n.extension:
            value += f";ext={n.extension}"
        return True, value

    def uuid_value(self, raw: str):
        try:
            return True, str(self.uuid.validate_json(json.dumps(raw)))
        except Exception as e:
            return False, first_error(e)

    def domain(self, raw: str):
        """The registrable domain of a bare host or URL, lower-case ASCII (SPEC.md §1)."""
        import ipaddress
        from urllib.parse import urlsplit

        import idna

        s = rust_trim(raw)
        if "://" in s:
            try:
                host = urlsplit(s).hostname or ""
            except ValueError:
                return False, "url"
        else:
            host = s
            for sep in "/?#":
                host = host.split(sep, 1)[0]
            if host.startswith("["):
                host = host[1:].split("]", 1)[0]
            elif host.count(":") == 1:
                host, port = host.split(":")
                if not port.isdigit():
                    return False, "port"
        if host.endswith("."):
            host = host[:-1]
        if not host:
            return False, "empty"
        try:
            ipaddress.ip_address(host)
            return False, "ip address"
        except ValueError:
            pass
        try:
            ascii_host = idna.encode(host, uts46=True).decode("ascii").lower()
        except (idna.IDNAError, UnicodeError, ValueError) as e:
            return False, f"idna: {e}"
        if any(ascii_host == d or ascii_host.endswith("." + d) for d in self.special_use):
            return False, "special use"
        if "." not in ascii_host:
            return False, "single label"
        if self.psl is None:
            return False, "no list"
        reg = self.psl.privatesuffix(ascii_host)
        return (True, reg) if reg else (False, "public suffix")

    @staticmethod
    def text(raw: str, max_chars: int = 255):
        """Text hygiene of SPEC.md §1, written out independently of src/text.rs."""
        import unicodedata

        out: list[str] = []
        pending = False
        for c in raw:
            if c in RUST_WS:
                pending = bool(out)
                continue
            cp = ord(c)
            if cp < 0x20 or 0x7F <= cp <= 0x9F or (
                unicodedata.category(c) == "Cf" and c not in "\u200c\u200d"
            ):
                return False, "control_characters"
            if pending:
                out.append(" ")
                pending = False
            out.append(c)
        value = unicodedata.normalize("NFC", "".join(out))
        if len(value) > max_chars:
            return False, "string_too_long"
        return True, value

    @staticmethod
    def linkedin(raw: str):
        """A model of the LinkedIn rule of SPEC.md §1 (no reference implementation exists)."""
        import re
        from urllib.parse import quote, unquote, urlsplit

        s = rust_trim(raw)
        if not re.match(r"(?i)^https?://", s):
            s = "https://" + s
        try:
            u = urlsplit(s)
            host = (u.hostname or "").lower()
        except ValueError:
            return False, "linkedin_url_invalid"
        if host == "lnkd.in":
            return False, "linkedin_url_unsupported"
        if not (host == "linkedin.com" or host.endswith(".linkedin.com")):
            return False, "linkedin_url_invalid"
        segs = [p for p in u.path.split("/") if p]
        if segs[:1] == ["mwlite"]:
            segs = segs[1:]
        head = segs[0].lower() if segs else ""
        if head != "in" or len(segs) < 2:
            if head in ("company", "school", "showcase", "groups", "feed", "jobs"):
                return False, "linkedin_url_not_profile"
            if head in ("sales", "talent", "pub", "profile", "recruiter"):
                return False, "linkedin_url_unsupported"
            return False, "linkedin_url_invalid"
        slug = unquote(segs[1]).lower()
        if not 3 <= len(slug) <= 100 or not all(c.isalnum() or c in "-_" for c in slug):
            return False, "linkedin_url_invalid"
        return True, "https://www.linkedin.com/in/" + quote(slug, safe="-_")


def first_error(e: Exception) -> str:
    errors = getattr(e, "errors", None)
    if callable(errors):
        try:
            err = errors()[0]
            return f"{err['type']}: {err.get('ctx', {}).get('reason', err['msg'])}"[:160]
        except Exception:
            pass
    return str(e).splitlines()[0][:160]


# ------------------------------------------------------------------------------------------------
# Rows
# ------------------------------------------------------------------------------------------------


class Row:
    def __init__(self, dataset: str, field: str, target: float | None, note: str = "",
                 verdict_only: bool = False):
        self.dataset, self.field, self.target, self.note = dataset, field, target, note
        # Compare the verdicts only, not the values.
        self.verdict_only = verdict_only
        self.cases = self.agree = self.panics = 0
        self.examples: list[str] = []

    def add(self, agree: bool, example: str = "", panicked: bool = False) -> None:
        self.cases += 1
        if panicked:
            self.panics += 1
        if agree:
            self.agree += 1
        elif example and len(self.examples) < SHOW:
            self.examples.append(example)

    @property
    def pct(self) -> float:
        return 100.0 * self.agree / self.cases if self.cases else 100.0

    @property
    def ok(self) -> bool:
        if self.panics:
            return False
        return self.target is None or self.pct >= self.target

    def target_text(self) -> str:
        if self.target is None:
            return "info"
        return "100%" if self.target == 100 else f">= {self.target:g}%"


SHOW = 5


def verdict_text(ok: bool, value) -> str:
    return f"ok {value!r}" if ok else f"error {value}"


def compare(row: Row, raw: str, lib: dict, ref: tuple, label: str = "") -> None:
    if lib.get("code") == "panic":
        row.add(False, f"{label}{raw!r}: PANIC {lib.get('panic')}", panicked=True)
        return
    ref_ok, ref_value = ref
    agree = lib["ok"] == ref_ok and (row.verdict_only or not ref_ok or lib["value"] == ref_value)
    lib_text = verdict_text(lib["ok"], lib["value"] if lib["ok"] else lib["code"])
    row.add(agree, f"{label}{raw!r}: library {lib_text}; reference {verdict_text(ref_ok, ref_value)}")


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        next(f)  # header
        for line in f:
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def main() -> int:
    global SHOW
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--faults", type=float, default=0.15)
    ap.add_argument("--region", default="US", help="the run's default region (generated phones are US)")
    ap.add_argument("--testdata", type=Path, default=None,
                    help="public test data (default $CONTACT_RULES_TESTDATA or ../shared/testdata/public)")
    ap.add_argument("--debug", action="store_true", help="build the examples without --release")
    ap.add_argument("--show", type=int, default=5, help="disagreements shown per row")
    ap.add_argument("--no-venv", action="store_true",
                    help="use this interpreter (it must have the pinned packages) instead of .venv")
    args = ap.parse_args()
    SHOW = args.show

    if args.no_venv:
        missing = pins_missing(sys.executable)
        if missing:
            sys.exit(f"agreement: this interpreter lacks {', '.join(missing)}")
    else:
        ensure_venv()

    from api_model import Contact  # noqa: E402  (needs pydantic, inside the venv)

    exes = cargo_build(args.debug)
    generate, verdicts = str(exes["generate"]), str(exes["field_verdicts"])
    refs = References(psl_rules_file())
    rows: list[Row] = []
    failures: list[str] = []

    # ---- generated payloads ----
    gen_cmd = [generate, "--seed", str(args.seed), "--count", str(args.count),
               "--faults", str(args.faults)]
    plain = subprocess.run(gen_cmd, capture_output=True, text=True, check=True).stdout.splitlines()
    annotated = subprocess.run(gen_cmd + ["--annotate"], capture_output=True, text=True,
                               check=True).stdout.splitlines()
    # Determinism: the same seed gives the same payloads; a window of the run is the same
    # payloads whatever --start and --count.
    det = Row("generated", "generator determinism", 100)
    start = args.count // 3
    window = subprocess.run(
        [generate, "--seed", str(args.seed), "--start", str(start), "--count", "500",
         "--faults", str(args.faults)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for i, line in enumerate(plain):
        same = json.loads(line) == json.loads(annotated[i])["payload"]
        if start <= i < start + len(window):
            same = same and window[i - start] == line
        det.add(same, f"payload {i} differs between runs")
    rows.append(det)
    faults = [json.loads(a)["faults"] for a in annotated]
    payloads = [json.loads(line) for line in plain]

    contact_cmd = [verdicts, "--contacts", "--region", args.region]
    try:
        first = run_lines(contact_cmd, plain, "field_verdicts --contacts")
    except RustFailure as e:
        failures.append(str(e))
        first = None

    if first is not None:
        refused = Row("generated", "accepted -> API model accepts", 100,
                      "refusals must be 0")
        idem = Row("generated", "normalize twice = once", 100, "differences must be 0")
        clean = Row("generated", "faultless payloads accepted", None)
        faulty = Row("generated", "faulty payloads refused", None)
        accepted = []
        for i, out in enumerate(first):
            if out.get("code") == "panic":
                refused.add(False, f"payload {i}: PANIC {out.get('panic')}", panicked=True)
                continue
            if faults[i]:
                faulty.add(not out["ok"], f"payload {i} {faults[i]} accepted: {plain[i][:300]}")
            else:
                clean.add(out["ok"], f"payload {i} refused {out['errors']}: {plain[i][:300]}")
            if not out["ok"]:
                continue
            text = json.dumps(out["value"], ensure_ascii=False)
            accepted.append((i, text))
            try:
                Contact.model_validate_json(text)
                refused.add(True)
            except Exception as e:
                refused.add(False, f"payload {i}: {first_error(e)}: {text[:300]}")
        try:
            second = run_lines(contact_cmd, [t for _, t in accepted], "field_verdicts --contacts (2nd pass)")
        except RustFailure as e:
            failures.append(str(e))
            second = []
        for (i, text), out in zip(accepted, second):
            if out.get("code") == "panic":
                idem.add(False, f"payload {i}: PANIC {out.get('panic')}", panicked=True)
                continue
            again = json.dumps(out["value"], ensure_ascii=False) if out["ok"] else None
            idem.add(again == text, f"payload {i}: {text[:200]} -> {again or out['errors']}")
        rows += [refused, idem, clean, faulty]

    # ---- field values of the generated payloads ----
    requests: list[tuple[Row, str, str, str | None, object]] = []  # row, field, input, region, ref
    seen: set[tuple[str, str]] = set()
    g_email = Row("generated", "email vs EmailStr (verdict)", 97, verdict_only=True)
    g_email_v = Row("generated", "email value vs EmailStr", None)
    g_phone = Row("generated", f"phone vs phonenumbers (region {args.region})", 99)
    g_uuid = Row("generated", "uuid vs pydantic UUID", 100)
    g_domain = Row("generated", "domain vs PSL", 97 if refs.psl else None, refs.psl_note)
    g_text = Row("generated", "text vs SPEC model", 100)
    g_linkedin = Row("generated", "linkedin vs SPEC model", None)

    def strings(p: dict, key: str):
        v = p.get(key) if isinstance(p, dict) else None
        if isinstance(v, str) and rust_trim(v):
            yield v

    for p in payloads:
        if not isinstance(p, dict):
            continue
        items = [("email", v) for v in strings(p, "email")]
        items += [("phone", v) for v in strings(p, "phone_number")]
        items += [("uuid", v) for v in strings(p, "account_id")]
        if isinstance(p.get("tags"), list):
            items += [("uuid", t) for t in p["tags"] if isinstance(t, str) and rust_trim(t)]
        items += [("domain", v) for v in strings(p, "domain")]
        items += [("linkedin", v) for v in strings(p, "linkedin_url")]
        for key in ("first_name", "last_name", "title", "location"):
            items += [("text", v) for v in strings(p, key)]
        for field, raw in items:
            if (field, raw) in seen:
                continue
            seen.add((field, raw))
            if field == "email":
                # The library's documented pre-processing: trim, strip `mailto:`; pydantic
                # handles display names itself.
                s = rust_trim(raw)
                if s[:7].lower() == "mailto:":
                    s = s[7:]
                ref = refs.email_verdict(s)
                requests.append((g_email, field, raw, None, ref))
                if ref[0]:
                    requests.append((g_email_v, field, raw, None, ref))
            elif field == "phone":
                # The rule's documented pre-processing: trim (before libphonenumber's
                # 250-character cap, issue 13).
                ref = refs.phone(rust_trim(raw), args.region)
                requests.append((g_phone, field, raw, args.region, ref))
            elif field == "uuid":
                requests.append((g_uuid, field, raw, None, refs.uuid_value(rust_trim(raw))))
            elif field == "domain":
                requests.append((g_domain, field, raw, None, refs.domain(raw)))
            elif field == "text":
                requests.append((g_text, field, raw, None, refs.text(raw)))
            else:
                requests.append((g_linkedin, field, raw, None, refs.linkedin(raw)))
    generated_rows = [g_email, g_email_v, g_phone, g_uuid, g_domain, g_text, g_linkedin]

    # ---- public test-suite inputs ----
    testdata = args.testdata or (
        Path(os.environ["CONTACT_RULES_TESTDATA"]) if os.environ.get("CONTACT_RULES_TESTDATA")
        else ROOT.parent / "shared" / "testdata" / "public"
    )
    public_rows: list[Row] = []
    if testdata.is_dir():
        import idna

        p_email = Row("public", "emails.tsv vs EmailStr (raw input)", 97, verdict_only=True)
        p_phone = Row("public", "phones.tsv vs phonenumbers", 99)
        p_uuid = Row("public", "uuids.tsv vs pydantic UUID", 100)
        p_domain = Row("public", "domains.tsv vs expected", 97)
        public_rows = [p_email, p_phone, p_uuid, p_domain]
        for cols in read_tsv(testdata / "emails.tsv"):
            requests.append((p_email, "email", cols[0], None, refs.email_verdict(cols[0])))
        for cols in read_tsv(testdata / "phones.tsv"):
            # The suites' rows with a region libphonenumber has no metadata for (ZZ, 001, XX,
            # USA, CS) test "unknown region": libphonenumber reads them as no region, while the
            # library refuses an unknown region as a usage error. Both sides read them with none.
            region = cols[1] if cols[1] in refs.phonenumbers.SUPPORTED_REGIONS else None
            ref = refs.phone(rust_trim(cols[0]), region)  # trimmed first, as the rule does
            requests.append((p_phone, "phone", cols[0], region, ref))
        for cols in read_tsv(testdata / "uuids.tsv"):
            requests.append((p_uuid, "uuid", cols[0], None, refs.uuid_value(rust_trim(cols[0]))))
        for cols in read_tsv(testdata / "domains.tsv"):
            want = cols[1]
            if want == "null":
                ref = (False, "null")
            else:
                ref = (True, idna.encode(want, uts46=True).decode("ascii").lower())
            requests.append((p_domain, "domain", cols[0], None, ref))
    else:
        print(f"agreement: no public test data at {testdata}; those rows are skipped",
              file=sys.stderr)

    lines = [json.dumps({"field": f, "input": raw, "region": region})
             for _, f, raw, region, _ in requests]
    try:
        outs = run_lines([verdicts], lines, "field_verdicts")
    except RustFailure as e:
        failures.append(str(e))
        outs = []
    for (row, field, raw, region, ref), lib in zip(requests, outs):
        label = f"[{region}] " if field == "phone" and region else ""
        compare(row, raw, lib, ref, label=label)
    if outs:
        rows += generated_rows + public_rows

    # ---- the table ----
    widths = (10, 44, 7, 7, 8, 8)
    header = ("dataset", "field", "cases", "agree", "%", "target")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)) + "  status")
    print("-" * (sum(widths) + 2 * len(widths) + 6))
    for r in rows:
        status = "ok" if r.ok else ("PANIC" if r.panics else "FAIL")
        if r.target is None and not r.panics:
            status = "info"
        cells = (r.dataset, r.field, str(r.cases), str(r.agree), f"{r.pct:.2f}", r.target_text())
        line = "  ".join(c.ljust(w) for c, w in zip(cells, widths)) + "  " + status
        if r.note:
            line += f"  ({r.note})"
        print(line)
    for r in rows:
        if r.examples:
            print(f"\n{r.dataset} / {r.field}: first disagreements")
            for ex in r.examples:
                print(f"  {ex}")

    missed = [r for r in rows if not r.ok]
    panics = sum(r.panics for r in rows)
    if panics:
        failures.append(f"the Rust side panicked on {panics} case(s); see the PANIC rows above")
    for r in missed:
        if not r.panics:
            failures.append(f"{r.dataset} / {r.field}: {r.pct:.2f}% < target {r.target_text()}")
    if failures:
        print("\nFAILED:", file=sys.stderr)
        for f in failures:
            print(f"  {f}", file=sys.stderr)
        return 1
    print("\nall targets met")
    return 0


if __name__ == "__main__":
    # Keep scripts/ free of __pycache__ (api_model is imported from there).
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        sys.exit(main())
    except RustFailure as e:
        sys.exit(f"agreement: {e}")
