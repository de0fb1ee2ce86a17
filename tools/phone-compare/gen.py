"""Seeded generator of realistic phone strings, as people type them into a CRM whose default
region is the US.

Writes `region<TAB>input` lines (region `US` throughout) to stdout. The numbers start from
libphonenumber's example numbers (phonenumbers==9.0.42) for many countries and number types,
with their last digits randomized; about one in eight is then damaged (a digit dropped, added or
changed) so that invalid numbers are common too. Each is written in one of many real-world
forms: E.164, international with spaces, dashes, dots or brackets, `+44 (0)20 ...`, `00` and
`011` international prefixes, US national forms with and without the trunk `1`, foreign
national forms (wrong without their region), `tel:` URIs, extensions (`ext.`, `x`, `#`,
`;ext=`), vanity letters, full-width digits and stray white space.

Usage: python gen.py [--seed N] [--count N]
"""

import argparse
import random
import sys

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

# Countries by rough weight in a US CRM's contact list.
WEIGHTS = {
    "US": 30, "CA": 5, "GB": 8, "DE": 5, "FR": 4, "IN": 5, "BR": 3, "MX": 3, "AU": 3,
    "JP": 2, "CN": 2, "ES": 2, "IT": 2, "NL": 2, "CH": 1, "SE": 1, "NO": 1, "DK": 1,
    "FI": 1, "IE": 2, "BE": 1, "AT": 1, "PL": 1, "PT": 1, "GR": 1, "RU": 1, "UA": 1,
    "TR": 1, "IL": 1, "AE": 1, "SA": 1, "ZA": 1, "NG": 1, "KE": 1, "EG": 1, "MA": 1,
    "AR": 1, "CL": 1, "CO": 1, "PE": 1, "SG": 1, "HK": 1, "KR": 1, "TW": 1, "PH": 1,
    "ID": 1, "MY": 1, "TH": 1, "VN": 1, "NZ": 1, "PK": 1, "BD": 1, "CZ": 1, "HU": 1,
    "RO": 1, "LU": 1, "IS": 1, "EE": 1, "PR": 1, "JM": 1,
}
TYPES = [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.FIXED_LINE_OR_MOBILE, T.VOIP, T.UAN]
KEYPAD = {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS", "8": "TUV", "9": "WXYZ"}
FIXED = [
    # SPEC.md §1 and known trouble spots, always included first.
    "(415) 555-2671", "+44 (0)20 8006 0227", "+49 170 44564819", "213-373-4253 ext. 1234",
    "+1 650 GOO OGLE", "1-800-FLOWERS", "0049 170 44564819", "011 49 170 44564819",
]


def examples():
    """Example numbers per (region, type) from the metadata."""
    out = {}
    for region in WEIGHTS:
        nums = []
        for t in TYPES:
            n = pn.example_number_for_type(region, t)
            if n is not None and pn.is_valid_number(n):
                nums.append(n)
        out[region] = nums
    return out


def randomize(rng, n):
    """The example number with its last 2-4 digits randomized, maybe damaged."""
    nsn = pn.national_significant_number(n)
    k = min(rng.randint(2, 4), len(nsn) - 2)
    nsn = nsn[: len(nsn) - k] + "".join(rng.choice("0123456789") for _ in range(k))
    r = rng.random()
    if r < 0.04:
        nsn = nsn[:-1]  # one digit short
    elif r < 0.08:
        nsn += rng.choice("0123456789")  # one digit too many
    elif r < 0.125:
        i = rng.randrange(min(3, len(nsn)))
        nsn = nsn[:i] + rng.choice("0123456789") + nsn[i + 1 :]  # wrong leading digit
    m = pn.PhoneNumber(country_code=n.country_code, national_number=int(nsn))
    if nsn.startswith("0"):
        m.italian_leading_zero = True
        zeros = len(nsn) - len(nsn.lstrip("0"))
        if zeros > 1:
            m.number_of_leading_zeros = zeros
    return m


def seps(rng, s):
    """Re-punctuate a formatted number: spaces become another separator, sometimes none."""
    sep = rng.choice([" ", " ", " ", "-", ".", "", "  ", "/", " - "])
    return s.replace(" ", sep) if sep != " " else s


def vanity(rng, digits):
    """Some trailing digits 2-9 written as keypad letters."""
    out = list(digits)
    start = len(out) - rng.randint(4, 7)
    for i in range(max(start, 0), len(out)):
        if out[i] in KEYPAD:
            out[i] = rng.choice(KEYPAD[out[i]])
    return "".join(out)


def extension(rng):
    ext = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 5)))
    form = rng.choice([" ext. {}", " ext {}", " x{}", " x {}", " #{}", ";ext={}", " extension {}", ",{}", " Ext: {}"])
    return form.format(ext)


def render(rng, m, region):
    """One written form of the number, as a person in a US CRM might type it."""
    intl = pn.format_number(m, F.INTERNATIONAL)
    e164 = pn.format_number(m, F.E164)
    national = pn.format_number(m, F.NATIONAL)
    nanp = m.country_code == 1
    r = rng.random()
    if nanp and r < 0.5:
        nsn = pn.national_significant_number(m)
        a, b, c = nsn[:3], nsn[3:6], nsn[6:]
        s = rng.choice([
            f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}", f"{a}{b}{c}",
            f"1 ({a}) {b}-{c}", f"1-{a}-{b}-{c}", f"1{a}{b}{c}", f"+1 ({a}) {b}-{c}", f"+1.{a}.{b}.{c}",
            f"({a}){b}-{c}", f"1 {a} {b} {c}",
        ])
    elif r < 0.62:
        s = seps(rng, intl)
    elif r < 0.72:
        s = e164
    elif r < 0.78:
        s = "00" + seps(rng, intl)[1:]
    elif r < 0.82:
        s = "011 " + seps(rng, intl)[1:]
    elif r < 0.87:
        prefix = pn.PhoneMetadata.metadata_for_region(region).national_prefix
        cc = f"+{m.country_code} "
        if prefix == "0" and intl.startswith(cc):
            s = f"{cc}({prefix}){intl[len(cc):]}" if rng.random() < 0.5 else f"{cc}({prefix}) {intl[len(cc):]}"
        else:
            s = intl
    elif r < 0.93:
        s = seps(rng, national)  # a national form: right only for US/CA numbers
    elif r < 0.96:
        s = pn.format_number(m, F.RFC3966)
    else:
        s = intl
    if rng.random() < 0.06:
        s += extension(rng)
    if nanp and rng.random() < 0.05:
        s = vanity(rng, s)
    if rng.random() < 0.01:
        s = s.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"} | {ord("+"): 0xFF0B})
    if rng.random() < 0.03:
        s = rng.choice([" ", "  ", "\u00a0"]) + s + rng.choice(["", " ", "  "])
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=20251129)
    ap.add_argument("--count", type=int, default=90000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    ex = examples()
    regions = [r for r in WEIGHTS if ex[r]]
    weights = [WEIGHTS[r] for r in regions]
    out = sys.stdout
    for s in FIXED:
        out.write(f"US\t{s}\n")
    for _ in range(args.count - len(FIXED)):
        region = rng.choices(regions, weights)[0]
        m = randomize(rng, rng.choice(ex[region]))
        s = render(rng, m, region)
        assert "\t" not in s and "\n" not in s
        out.write(f"US\t{s}\n")


if __name__ == "__main__":
    main()
