//! The compact engine (`lite`) against rlibphonenumber (`rlib`): every answer the rule asks
//! for must be identical (parse error kind, E.164, extension, validity, possible-length
//! reason), and so must the rule's own results.
//!
//! `PHONE_EQ_ITERS` (default 100,000) and `PHONE_EQ_SEED` vary the generated run;
//! `PHONE_EQ_EXHAUSTIVE=1` tries every Unicode scalar value in each character template (slow in
//! a debug build: use `--release`).

use super::lite::{self, Lite};
use super::rlib::Rlib;
use super::{e164, normalize_with, round_trips, tel_prefix_after_phone_context, Engine};
use crate::test_rng::XorShift as Rng;
use crate::{Options, PhoneValidity, Region};
use rlibphonenumber::{PhoneNumberFormat, PhoneNumberType, PHONE_NUMBER_UTIL};
use std::fmt::Write as _;

// The tool's own fingerprint function, so the freshness check cannot drift from it.
#[path = "../../tools/phone-meta/src/tool_hash.rs"]
mod tool_hash;

/// Everything one engine says about `s` in `region`.
fn answers<E: Engine>(s: &str, region: Option<E::Region>) -> String {
    match E::parse(s, region) {
        Err(e) => format!("{e:?}"),
        Ok(n) => format!(
            "{} ext={:?} valid={} {:?}",
            E::e164(&n),
            E::extension(&n),
            E::is_valid(&n),
            E::possibility(&n)
        ),
    }
}

/// The rule's results with both validity options.
fn rule<E: Engine>(s: &str, region: Option<&str>) -> String {
    let mut out = String::new();
    for phone_validity in [PhoneValidity::Valid, PhoneValidity::Possible] {
        let options = Options {
            default_region: region.map(|r| Region::parse(r).expect("supported region")),
            phone_validity,
            ..Options::default()
        };
        let _ = write!(out, "{:?}; ", normalize_with::<E>(s, &options));
    }
    out
}

/// Compares the engines on `s` in `region` (a supported region code or none); returns a
/// description of the first difference.
fn compare(s: &str, region: Option<&str>) -> Result<String, String> {
    let (r, l) = match region {
        Some(code) => match (Rlib::region(code), Lite::region(code)) {
            (Some(r), Some(l)) => (Some(r), Some(l)),
            (None, None) => return Ok("no region".into()),
            other => return Err(format!("region {code}: {other:?}")),
        },
        None => (None, None),
    };
    let viable = PHONE_NUMBER_UTIL.is_viable_phone_number(s);
    if viable != lite::viable(s) {
        return Err(format!("{s:?}: viable {viable} (rlib) vs {}", !viable));
    }
    let norm = PHONE_NUMBER_UTIL.normalize(s);
    if norm != lite::normalized(s) {
        return Err(format!(
            "{s:?}: normalize {norm:?} (rlib) vs {:?}",
            lite::normalized(s)
        ));
    }
    // rlibphonenumber panics on `tel:` after the phone context; the rule never asks it.
    let mut kind = "tel: after phone-context".to_owned();
    if !tel_prefix_after_phone_context(s) {
        let (a, b) = (answers::<Rlib>(s, r), answers::<Lite>(s, l));
        if a != b {
            return Err(format!("{s:?} in {region:?}:\n  rlib: {a}\n  lite: {b}"));
        }
        kind = match a.split_once(" ext=") {
            Some((_, rest)) => rest.split_once(' ').map_or(rest, |r| r.1).to_owned(),
            None => a,
        };
    }
    let (a, b) = (rule::<Rlib>(s, region), rule::<Lite>(s, region));
    if a != b {
        return Err(format!(
            "{s:?} in {region:?} (rule):\n  rlib: {a}\n  lite: {b}"
        ));
    }
    Ok(kind)
}

/// Compares many cases and fails with the first differences.
struct Tally {
    count: usize,
    failures: Vec<String>,
    /// How many cases gave each kind of answer (a parse error, or valid/possible/...).
    kinds: std::collections::BTreeMap<String, usize>,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            count: 0,
            failures: Vec::new(),
            kinds: Default::default(),
        }
    }

    fn check(&mut self, s: &str, region: Option<&str>) {
        self.count += 1;
        match compare(s, region) {
            Err(e) => self.failures.push(e),
            Ok(kind) => *self.kinds.entry(kind).or_default() += 1,
        }
    }

    fn finish(self, what: &str) {
        eprintln!(
            "{what}: {} cases compared, {} differ; answers: {:?}",
            self.count,
            self.failures.len(),
            self.kinds
        );
        assert!(
            self.failures.is_empty(),
            "{what}: {} of {} differ:\n{}",
            self.failures.len(),
            self.count,
            self.failures[..self.failures.len().min(30)].join("\n")
        );
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Every supported region code, sorted.
fn regions() -> Vec<String> {
    let mut v: Vec<String> = PHONE_NUMBER_UTIL
        .get_supported_regions()
        .map(|r| r.to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn metadata_decodes_and_compiles() {
    assert_eq!(lite::compile_all(), 254);
    let ours: Vec<String> = regions()
        .into_iter()
        .filter(|r| Lite::region(r).is_some())
        .collect();
    assert_eq!(ours, regions());
    for code in ["XX", "ZZ", "001", "U", "USA", "", "aa"] {
        assert_eq!(
            Lite::region(code).is_some(),
            Rlib::region(code).is_some(),
            "{code}"
        );
    }
}

/// The checksum of rlibphonenumber in Cargo.lock and the hash of the generator's sources
/// recorded in `metadata.bin` are those of today: the file is not stale. (The generator
/// computes the same; run `cargo run --release --manifest-path tools/phone-meta/Cargo.toml`
/// after changing either.)
#[test]
fn metadata_is_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read(root.join("src/phone/metadata.bin")).expect("metadata.bin");
    assert_eq!(&data[..4], b"PHM1");
    let len = data[4] as usize;
    let source = std::str::from_utf8(&data[5..5 + len]).expect("utf-8");
    let hash_len = data[5 + len] as usize;
    let hash = std::str::from_utf8(&data[6 + len..6 + len + hash_len]).expect("utf-8");

    let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
    let mut lines = lock.lines();
    let mut locked = None;
    while let Some(l) = lines.next() {
        if l == "name = \"rlibphonenumber\"" {
            let version = lines
                .next()
                .expect("version")
                .trim_start_matches("version = ");
            let sum = lines
                .find_map(|l| l.strip_prefix("checksum = "))
                .expect("checksum");
            locked = Some(format!(
                "rlibphonenumber {} {}",
                version.trim_matches('"'),
                sum.trim_matches('"')
            ));
            break;
        }
    }
    let stale = "src/phone/metadata.bin is stale: run \
                 `cargo run --release --manifest-path tools/phone-meta/Cargo.toml`";
    assert_eq!(Some(source), locked.as_deref(), "{stale}");

    let tool = root.join("tools/phone-meta");
    assert_eq!(hash, tool_hash::tool_hash(&tool), "{stale}");
}

/// (a) Every row of the public test suite's phones.tsv, in its region and with none.
#[test]
fn public_suite() {
    let Ok(text) = std::fs::read_to_string("/work/shared/testdata/public/phones.tsv") else {
        eprintln!("phones.tsv absent: skipped");
        return;
    };
    let mut t = Tally::new();
    for line in text.lines().skip(1) {
        let mut cols = line.split('\t');
        let input = cols.next().unwrap_or("");
        let region = cols.next().unwrap_or("");
        let region = Region::parse(region).ok().map(|r| r.as_str().to_owned());
        t.check(input, region.as_deref());
        t.check(input, None);
        t.check(input, Some("US"));
    }
    t.finish("phones.tsv");
}

/// (b) The phone vectors, in their region and with none.
#[test]
fn phone_vectors() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/vectors/phone.json")).expect("vectors");
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).expect("json");
    let mut t = Tally::new();
    for case in &cases {
        let Some(phone) = case["input"]["phone_number"].as_str() else {
            continue;
        };
        let region = case["options"]["default_region"].as_str();
        t.check(phone, region);
        t.check(phone, None);
        t.check(phone, Some("GB"));
    }
    assert!(t.count > 30);
    t.finish("phone.json");
}

/// Example numbers of every region and non-geographic entity, of every type, plus the
/// invalid examples.
fn examples() -> Vec<(rlibphonenumber::PhoneNumber, String)> {
    let types = [
        PhoneNumberType::FixedLine,
        PhoneNumberType::Mobile,
        PhoneNumberType::TollFree,
        PhoneNumberType::PremiumRate,
        PhoneNumberType::SharedCost,
        PhoneNumberType::VoIP,
        PhoneNumberType::PersonalNumber,
        PhoneNumberType::Pager,
        PhoneNumberType::UAN,
        PhoneNumberType::VoiceMail,
    ];
    let mut out = Vec::new();
    for r in PHONE_NUMBER_UTIL.get_supported_regions() {
        for t in types {
            if let Ok(n) = PHONE_NUMBER_UTIL.get_example_number_for_type_and_region(r, t) {
                out.push((n, r.to_string()));
            }
        }
        if let Ok(n) = PHONE_NUMBER_UTIL.get_invalid_example_number(r) {
            out.push((n, r.to_string()));
        }
    }
    for cc in PHONE_NUMBER_UTIL.get_supported_global_network_calling_codes() {
        if let Ok(n) = PHONE_NUMBER_UTIL.get_example_number_for_non_geo_entity(cc) {
            out.push((n, "US".to_owned()));
        }
    }
    out.sort_by_key(|(n, r)| (n.country_code, n.national_number, r.clone()));
    out
}

/// Characters that matter to the hand-written parts: punctuation, plus signs, extension label
/// letters and their case variants, RFC 3966 syntax, trimmed and kept end characters.
const SPICE: &[&str] = &[
    " ",
    " ",
    "-",
    ".",
    "(",
    ")",
    "/",
    "\\",
    "x",
    "X",
    "*",
    "#",
    "+",
    "＋",
    "~",
    "～",
    ",",
    ",,",
    ";",
    ":",
    "．",
    "\t",
    "\n",
    "\u{A0}",
    "\u{AD}",
    "\u{200B}",
    "\u{2060}",
    "\u{3000}",
    "‐",
    "‒",
    "–",
    "—",
    "―",
    "−",
    "ー",
    "－",
    "／",
    "（",
    "）",
    "［",
    "］",
    "⁓",
    "∼",
    "ext",
    "EXT",
    "Ext.",
    "ext.",
    "extn",
    "extension",
    "extensión",
    "extensio\u{301}n",
    "ſ",
    "K",
    "е",
    "ｅｘｔ",
    "ＥＸＴ",
    "ｘ",
    "Ｘ",
    "ｉｎｔ",
    "int",
    "INT",
    "доб",
    "ДОБ",
    "ᲁоб",
    "дᲂб",
    "anexo",
    "ANEXO",
    "x",
    "＃",
    "tel:",
    ";phone-context=",
    ";phone-context=+1",
    ";phone-context=example.com",
    ";isub=",
    ";ext=",
    ";EXT=",
    "/x",
    "/ x",
    "\\x",
    "a",
    "B",
    "q",
    "é",
    "中",
    "☎",
    "📞",
    "½",
    "Ⅻ",
    "\u{378}",
    "\u{E000}",
    "\u{F0000}",
    "\u{10FFFD}",
    "\r",
    "\u{0}",
    "\u{301}",
    "!",
    "?",
    "'",
    "\"",
    "[",
    "]",
    "{",
    "}",
    "%",
    "=",
    "&",
    "_",
    "|",
    "<",
    ">",
    "@",
    "$",
    "^",
    "`",
    "ó",
    "Ó",
    "ͅ",
];

/// Decimal digits of other scripts (including one libphonenumber reads as a digit but the
/// `regex` crate's `\p{Nd}` does not), by value.
const DIGIT_SCRIPTS: &[u32] = &[
    0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1040, 0x11DE0, 0x1D7CE, 0x1E950, 0x104A0,
];

fn other_digit(rng: &mut Rng, d: u8) -> String {
    let base = *rng.pick(DIGIT_SCRIPTS);
    char::from_u32(base + u32::from(d))
        .map(String::from)
        .unwrap_or_default()
}

/// A few random edits of `s`.
fn mutate(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<String> = s.chars().map(String::from).collect();
    let edits = rng.below(4);
    for _ in 0..edits {
        let at = rng.below(chars.len() + 1);
        match rng.below(9) {
            0 if !chars.is_empty() => {
                chars.remove(at.min(chars.len() - 1));
            }
            1 => chars.insert(at, (b'0' + rng.below(10) as u8).to_string()),
            2 => chars.insert(at, SPICE[rng.below(SPICE.len())].to_owned()),
            3 if !chars.is_empty() => {
                // A digit in another script.
                let i = at.min(chars.len() - 1);
                if let Some(d) = chars[i].chars().next().and_then(|c| c.to_digit(10)) {
                    chars[i] = other_digit(rng, d as u8);
                }
            }
            4 if !chars.is_empty() => {
                // Vanity letters.
                let i = at.min(chars.len() - 1);
                if let Some(d) = chars[i].chars().next().and_then(|c| c.to_digit(10)) {
                    let letters = [
                        "O", "I", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ",
                    ];
                    let l = letters[d as usize];
                    let c = l.as_bytes()[rng.below(l.len())] as char;
                    chars[i] = if rng.chance(50) {
                        c.to_ascii_lowercase()
                    } else {
                        c
                    }
                    .to_string();
                }
            }
            5 => {
                // Any Unicode scalar value.
                let c = loop {
                    if let Some(c) = char::from_u32((rng.next() % 0x11_0000) as u32) {
                        break c;
                    }
                };
                chars.insert(at, c.to_string());
            }
            6 if !chars.is_empty() => {
                let i = at.min(chars.len() - 1);
                let c = chars[i].clone();
                chars.insert(i, c);
            }
            _ => {}
        }
    }
    chars.concat()
}

/// An extension in one of its spellings.
fn extension(rng: &mut Rng) -> String {
    let max = *rng.pick(&[3usize, 6, 9, 15, 16, 20, 22]);
    let len = 1 + rng.below(max);
    let digits: String = (0..len)
        .map(|_| (b'0' + rng.below(10) as u8) as char)
        .collect();
    let label = *rng.pick(&[
        " ext. ",
        " ext ",
        " x",
        " X ",
        ";ext=",
        ";EXT=",
        ",,",
        ",",
        ", ,",
        ";",
        "; ",
        " #",
        "-",
        " - ",
        " extension ",
        " extensión: ",
        " доб ",
        " anexo ",
        "ｅｘｔ",
        " ＥＸＴ ",
        " int ",
        " ~",
        "～",
        " ＃",
        ".",
        " :",
        " ext: ",
        "\text\t",
        " ext.-",
        ", ext ",
        "  ,  x ",
        "#",
        " ",
        "e",
        " Ext.",
        " extensio\u{301} ",
        " INT.",
        "xt",
        "x",
        "/x",
        " ext\u{A0}",
    ]);
    let hash = if rng.chance(30) { "#" } else { "" };
    format!("{label}{digits}{hash}")
}

/// One phone string made from an example number.
fn phone_string(
    rng: &mut Rng,
    examples: &[(rlibphonenumber::PhoneNumber, String)],
    regions: &[String],
) -> (String, Option<String>) {
    let (n, home) = rng.pick(examples);
    let region = match rng.below(10) {
        0..=2 => None,
        3..=5 => Some(home.clone()),
        _ => Some(rng.pick(regions).clone()),
    };
    let e164 = PHONE_NUMBER_UTIL
        .format(n, PhoneNumberFormat::E164)
        .into_owned();
    let mut s = match rng.below(9) {
        0 => e164.clone(),
        1 => PHONE_NUMBER_UTIL
            .format(n, PhoneNumberFormat::International)
            .into_owned(),
        2 | 3 => PHONE_NUMBER_UTIL
            .format(n, PhoneNumberFormat::National)
            .into_owned(),
        4 => PHONE_NUMBER_UTIL
            .format(n, PhoneNumberFormat::RFC3966)
            .into_owned(),
        5 => {
            let from =
                rlibphonenumber::Region::from_code(rng.pick(regions).as_str()).expect("region");
            PHONE_NUMBER_UTIL
                .format_out_of_country_calling_number(n, from)
                .into_owned()
        }
        6 => format!("00{}", &e164[1..]),
        7 => e164[1..].to_owned(),
        _ => PHONE_NUMBER_UTIL
            .normalize_digits_only(PHONE_NUMBER_UTIL.format(n, PhoneNumberFormat::National)),
    };
    if rng.chance(25) {
        s.push_str(&extension(rng));
    }
    if rng.chance(10) {
        s = format!(
            "{}{s}",
            rng.pick(&["Tel: ", "phone ", "☎ ", "(", "+", "tel:", "\n", "x"])
        );
    }
    if rng.chance(10) {
        s.push_str(SPICE[rng.below(SPICE.len())]);
    }
    if rng.chance(5) {
        let other = rng.pick(examples);
        let other = PHONE_NUMBER_UTIL.format(&other.0, PhoneNumberFormat::National);
        s = format!(
            "{s}{}{other}",
            rng.pick(&[" / x", "/x", "\\ x", "\n", " or "])
        );
    }
    if rng.chance(60) {
        s = mutate(rng, &s);
    }
    (s, region)
}

/// (c) ≥ 100,000 strings built from every example number, in every region and with none.
#[test]
fn generated_numbers() {
    let iters: usize = env_or("PHONE_EQ_ITERS", 100_000);
    let mut rng = Rng(env_or("PHONE_EQ_SEED", 0x5DEE_CE66_D1CE_4E5Bu64) | 1);
    let examples = examples();
    let regions = regions();
    assert!(examples.len() > 1000, "{} examples", examples.len());
    let mut t = Tally::new();
    // Each example, plainly, in its region and with none.
    for (n, home) in &examples {
        let e164 = PHONE_NUMBER_UTIL.format(n, PhoneNumberFormat::E164);
        let national = PHONE_NUMBER_UTIL.format(n, PhoneNumberFormat::National);
        t.check(&e164, None);
        t.check(&national, Some(home));
    }
    while t.count < iters {
        let (s, region) = phone_string(&mut rng, &examples, &regions);
        t.check(&s, region.as_deref());
    }
    t.finish("generated");
}

/// The compact engine's `reads_back` (the rule's read-back check answered from the parsed
/// number) against the general path (format, parse again, format again) on every number
/// `lite` parses among generated strings and among numbers built to be read back otherwise:
/// every known country code followed by digits that start like national prefixes and runs of
/// zeros, with and without an extension, written with `+` and nationally in each territory.
#[test]
fn reads_back_as_parsed_again() {
    let iters: usize = env_or("PHONE_EQ_ITERS", 100_000);
    let mut rng = Rng(env_or("PHONE_EQ_SEED", 0x0DDB_A11C_0FFE_E5EDu64) | 1);
    let examples = examples();
    let regions = regions();
    let (mut checked, mut refused) = (0usize, 0usize);
    let mut check = |s: &str, region: Option<&str>| {
        let region = region.and_then(Lite::region);
        if let Ok(n) = Lite::parse(s, region) {
            let value = e164::<Lite>(&n);
            let general = round_trips::<Lite>(&value);
            assert_eq!(
                Lite::reads_back(&n, &value),
                general,
                "{s:?} in {region:?}: {value}"
            );
            checked += 1;
            refused += usize::from(!general);
        }
    };
    let mut n = 0;
    while n < iters / 2 {
        let (s, region) = phone_string(&mut rng, &examples, &regions);
        check(&s, region.as_deref());
        check(&s, Some("DE"));
        n += 1;
    }
    let codes: Vec<u16> = (1..1000)
        .filter(|cc| {
            !matches!(
                Lite::parse(&format!("+{cc}123456789"), None),
                Err(super::ParseError::InvalidCountryCode)
            )
        })
        .collect();
    assert!(codes.len() > 200, "{} country codes", codes.len());
    let starts = [
        "",
        "0",
        "00",
        "000",
        "0000000000000",
        "1",
        "01",
        "8",
        "9",
        "06",
        "7",
        "2",
    ];
    while n < iters {
        let cc = *rng.pick(&codes);
        let mut digits = rng.pick(&starts).to_string();
        for _ in 0..rng.below(16) {
            digits.push((b'0' + rng.below(10) as u8) as char);
        }
        let ext = if rng.chance(20) {
            format!(";ext={}", rng.below(1_000_000))
        } else {
            String::new()
        };
        check(&format!("+{cc}{digits}{ext}"), None);
        check(&format!("{digits}{ext}"), Some(rng.pick(&regions).as_str()));
        n += 1;
    }
    eprintln!("reads_back: {checked} numbers, {refused} not read back as themselves");
    assert!(
        checked > iters / 2 && refused > 100,
        "{checked} checked, {refused} refused"
    );
}

/// Strings of random phone-ish fragments and any characters: no panic in `lite`, and the same
/// answers as rlibphonenumber.
#[test]
fn random_strings() {
    let iters: usize = env_or("PHONE_EQ_ITERS", 100_000) / 4;
    let mut rng = Rng(env_or("PHONE_EQ_SEED", 0x2545_F491_4F6C_DD1Du64) | 1);
    let regions = regions();
    let mut t = Tally::new();
    for _ in 0..iters {
        let len = rng.below(30);
        let mut s = String::new();
        for _ in 0..len {
            match rng.below(4) {
                0 => s.push((b'0' + rng.below(10) as u8) as char),
                1 => s.push_str(SPICE[rng.below(SPICE.len())]),
                2 => {
                    let d = rng.below(10) as u8;
                    s.push_str(&other_digit(&mut rng, d));
                }
                _ => {
                    if let Some(c) = char::from_u32((rng.next() % 0x3100) as u32) {
                        s.push(c);
                    }
                }
            }
        }
        let region = rng.chance(70).then(|| rng.pick(&regions).clone());
        t.check(&s, region.as_deref());
    }
    t.finish("random");
}

/// Each character in templates that exercise the character tables (trimmed end characters,
/// digits, `\p{Nd}`, punctuation) and, in every letter of every extension label, the `(?i)`
/// case folding. A sample by default, every Unicode scalar value with `PHONE_EQ_EXHAUSTIVE=1`.
#[test]
fn character_templates() {
    let exhaustive = std::env::var("PHONE_EQ_EXHAUSTIVE").is_ok_and(|v| v == "1");
    let mut templates: Vec<(String, String, Option<&str>)> = [
        ("+41 44 668 18 00", "", None),
        ("+41 44 668 18 0", "", None),
        ("+41 44 668 18 00 ", "12", None),
        ("+41 44 668 18 00 ext", "12", None),
        ("+41 44 668 18 00 ", "1", None),
        ("044 668 18 00", "", Some("CH")),
        ("", "41 44 668 18 00", None),
        ("+41", "44 668 18 00", None),
        ("tel:+41-44-668-1800;phone-context=", "", None),
        ("tel:+41-44-668-1800;phone-context=+", "1", None),
        ("tel:+41-44-668-1800;phone-context=a", "", None),
        ("650 253 00", "0", Some("US")),
        ("650 253 00", "0", None),
    ]
    .iter()
    .map(|&(a, b, r)| (a.to_owned(), b.to_owned(), r))
    .collect();
    let table_templates = templates.len();
    // Each letter of each label, replaced.
    let labels = [
        ";ext=",
        "extension",
        "extensión",
        "extensio\u{301}n",
        "ｅｘｔｎ",
        "доб",
        "anexo",
        "int",
        "ｉｎｔ",
        "x",
        "ｘ",
        "#",
        "＃",
        "~",
        "～",
    ];
    for label in labels {
        let chars: Vec<char> = label.chars().collect();
        for i in 0..chars.len() {
            let before: String = chars[..i].iter().collect();
            let after: String = chars[i + 1..].iter().collect();
            templates.push((
                format!("+41 44 668 18 00 {before}"),
                format!("{after}12"),
                None,
            ));
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let all: Vec<char> = (0..=0x10_FFFF).filter_map(char::from_u32).collect();
    let sample: Vec<char> = (0..0x3100)
        .chain(0xFE00..0xFFFF)
        .filter_map(char::from_u32)
        .chain((0..3000).filter_map(|_| char::from_u32((rng.next() % 0x11_0000) as u32)))
        .chain(DIGIT_SCRIPTS.iter().filter_map(|&b| char::from_u32(b + 3)))
        .collect();
    let letters: Vec<char> = (0..0x530)
        .chain(0x1C80..0x1C90)
        .chain(0x1E00..0x1F00)
        .chain(0x2100..0x2190)
        .chain(0xFF00..0xFFF0)
        .filter_map(char::from_u32)
        .chain((0..300).filter_map(|_| char::from_u32((rng.next() % 0x11_0000) as u32)))
        .collect();
    let mut t = Tally::new();
    let mut buf = String::new();
    for (i, (before, after, region)) in templates.iter().enumerate() {
        let chars = match (exhaustive, i < table_templates) {
            (true, _) => &all,
            (false, true) => &sample,
            (false, false) => &letters,
        };
        for &c in chars {
            buf.clear();
            buf.push_str(before);
            buf.push(c);
            buf.push_str(after);
            t.check(&buf, *region);
        }
    }
    t.finish("characters");
}

/// Time per number of each engine (parse, validity, possible length, E.164) and of the rule,
/// on the example numbers in several forms. `cargo test --release --lib phone::equivalence::speed
/// -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test"]
fn speed() {
    // First calls (each engine loads its metadata; lite also compiles one territory).
    let first = std::time::Instant::now();
    let _ = Lite::parse("+41 44 668 18 00", None);
    let lite_first = first.elapsed().as_secs_f64() * 1e3;
    let first = std::time::Instant::now();
    let _ = Rlib::parse("+41 44 668 18 00", None);
    let rlib_first = first.elapsed().as_secs_f64() * 1e3;
    eprintln!("first call: lite {lite_first:.3} ms, rlib {rlib_first:.3} ms");
    let mut inputs: Vec<(String, Option<String>)> = Vec::new();
    for (n, home) in examples() {
        let intl = PHONE_NUMBER_UTIL.format(&n, PhoneNumberFormat::International);
        let national = PHONE_NUMBER_UTIL.format(&n, PhoneNumberFormat::National);
        inputs.push((intl.into_owned(), None));
        inputs.push((national.into_owned(), Some(home)));
    }
    fn engine<E: Engine>(inputs: &[(String, Option<String>)]) -> (f64, usize) {
        let regions: Vec<Option<E::Region>> = inputs
            .iter()
            .map(|(_, r)| r.as_deref().and_then(E::region))
            .collect();
        let start = std::time::Instant::now();
        let mut valid = 0;
        for _ in 0..5 {
            for ((s, _), &r) in inputs.iter().zip(&regions) {
                if let Ok(n) = E::parse(s, r) {
                    valid += E::is_valid(&n) as usize;
                    let _ = E::possibility(&n);
                    let _ = E::e164(&n);
                }
            }
        }
        let us = start.elapsed().as_secs_f64() * 1e6 / (5 * inputs.len()) as f64;
        (us, valid / 5)
    }
    fn rule_time<E: Engine>(inputs: &[(String, Option<String>)]) -> f64 {
        let options: Vec<Options> = inputs
            .iter()
            .map(|(_, r)| Options {
                default_region: r.as_deref().map(|r| Region::parse(r).expect("region")),
                ..Options::default()
            })
            .collect();
        let start = std::time::Instant::now();
        for _ in 0..5 {
            for ((s, _), o) in inputs.iter().zip(&options) {
                let _ = normalize_with::<E>(s, o);
            }
        }
        start.elapsed().as_secs_f64() * 1e6 / (5 * inputs.len()) as f64
    }
    // Warm both (lite compiles a territory's patterns on first use).
    engine::<Lite>(&inputs);
    engine::<Rlib>(&inputs);
    let (l, lv) = engine::<Lite>(&inputs);
    let (r, rv) = engine::<Rlib>(&inputs);
    assert_eq!(lv, rv);
    eprintln!(
        "{} numbers ({} valid): lite {l:.2} µs, rlib {r:.2} µs per number (engine); \
         rule: lite {:.2} µs, rlib {:.2} µs",
        inputs.len(),
        lv,
        rule_time::<Lite>(&inputs),
        rule_time::<Rlib>(&inputs)
    );
}

/// A loop over the rule with the lite engine alone, for a profiler (`PHONE_PROFILE_ROUNDS`
/// rounds over the example numbers, default 0).
#[test]
#[ignore = "a profiling loop, not a test"]
fn profile_lite() {
    let rounds: usize = env_or("PHONE_PROFILE_ROUNDS", 0);
    let mut inputs: Vec<(String, Option<Region>)> = Vec::new();
    for (n, home) in examples() {
        let intl = PHONE_NUMBER_UTIL.format(&n, PhoneNumberFormat::International);
        let national = PHONE_NUMBER_UTIL.format(&n, PhoneNumberFormat::National);
        inputs.push((intl.into_owned(), None));
        inputs.push((national.into_owned(), Region::parse(&home).ok()));
    }
    let mut count = 0usize;
    for _ in 0..rounds {
        for (s, r) in &inputs {
            let options = Options {
                default_region: *r,
                ..Options::default()
            };
            let _ = normalize_with::<Lite>(s, &options);
            count += 1;
        }
    }
    eprintln!("{count} numbers");
}

/// Writes generated cases and rlibphonenumber's verdicts (the rule's results, as JSON lines
/// `[input, region, value-or-code, warnings]`) to `PHONE_EQ_DUMP`, for comparing the
/// WebAssembly build. `PHONE_EQ_ITERS` cases.
#[test]
#[ignore = "writes a file for the WebAssembly comparison"]
fn dump_cases() {
    let Ok(path) = std::env::var("PHONE_EQ_DUMP") else {
        return;
    };
    let iters: usize = env_or("PHONE_EQ_ITERS", 100_000);
    let mut rng = Rng(env_or("PHONE_EQ_SEED", 0x0DDB_1A5E_5BAD_5EEDu64) | 1);
    let examples = examples();
    let regions = regions();
    let mut out = String::new();
    for i in 0..iters {
        let (s, region) = if i % 4 == 3 {
            // Random strings too.
            let mut s = String::new();
            for _ in 0..rng.below(24) {
                match rng.below(3) {
                    0 => s.push((b'0' + rng.below(10) as u8) as char),
                    1 => s.push_str(SPICE[rng.below(SPICE.len())]),
                    _ => s.extend(char::from_u32((rng.next() % 0x11_0000) as u32)),
                }
            }
            (s, rng.chance(60).then(|| rng.pick(&regions).clone()))
        } else {
            phone_string(&mut rng, &examples, &regions)
        };
        let options = Options {
            default_region: region.as_deref().map(|r| Region::parse(r).expect("region")),
            phone_validity: if rng.chance(30) {
                PhoneValidity::Possible
            } else {
                PhoneValidity::Valid
            },
            ..Options::default()
        };
        let verdict = match normalize_with::<Rlib>(&s, &options) {
            Ok(n) => serde_json::json!([
                n.value,
                n.warnings
                    .iter()
                    .map(|w| w.code.as_str())
                    .collect::<Vec<_>>()
            ]),
            Err(e) => serde_json::json!([e.code.as_str()]),
        };
        let line = serde_json::json!([
            s,
            region,
            matches!(options.phone_validity, PhoneValidity::Possible),
            verdict
        ]);
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).expect("write dump");
}
