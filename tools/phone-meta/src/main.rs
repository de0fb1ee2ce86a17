//! Generates `src/phone/metadata.bin`, the metadata of contact-rules' compact phone engine
//! (`src/phone/lite.rs`), from rlibphonenumber's own metadata (libphonenumber v9.0.42).
//!
//! ```text
//! cargo run --release --manifest-path tools/phone-meta/Cargo.toml            # write the file
//! cargo run --release --manifest-path tools/phone-meta/Cargo.toml -- --check # compare only
//! ```
//!
//! It keeps only what parsing and validation need (no example numbers, formats or carrier
//! data), rewrites the regular expressions in a compact syntax over digits (`prog.rs`) after
//! parsing them with regex-syntax (exactly as the `regex` crate reads them), drops what the
//! engine never reads (length lists the pattern already implies, the mobile pattern when it is
//! the fixed-line one, leading digits of unshared country codes), and derives the Unicode tables
//! (decimal digits, `\p{Nd}`, the characters trimmed from the end of a number) from the same
//! sources rlibphonenumber uses. It also checks the assumptions the hand-written parts of the
//! engine make about the `regex` crate (case folding of the extension labels, `.`).
//!
//! The file starts with the checksum of rlibphonenumber in Cargo.lock and a hash of this tool's
//! sources; a native test of contact-rules recomputes both, so the file cannot go stale.

#![allow(deprecated)] // rlibphonenumber marks the raw metadata fields deprecated (use wrappers).

mod prog;
mod re;
mod tool_hash;

use prost::Message;
use rlibphonenumber::{PhoneMetadata, PhoneMetadataCollection, PhoneNumberDesc, PHONE_NUMBER_UTIL};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use tool_hash::tool_hash;

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let tool = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = tool.join("../..");
    let out_path = root.join("src/phone/metadata.bin");
    let bytes = generate(&root, tool);
    if check {
        let old = std::fs::read(&out_path).unwrap_or_default();
        if old != bytes {
            eprintln!(
                "{} is stale: run this tool without --check",
                out_path.display()
            );
            std::process::exit(1);
        }
        println!(
            "{} is up to date ({} bytes)",
            out_path.display(),
            bytes.len()
        );
    } else {
        std::fs::write(&out_path, &bytes).expect("write metadata.bin");
        println!("wrote {} ({} bytes)", out_path.display(), bytes.len());
    }
}

/// The checksum line of `rlibphonenumber` in a Cargo.lock.
fn locked(lock: &Path) -> String {
    let text = std::fs::read_to_string(lock).expect("Cargo.lock");
    let mut lines = text.lines();
    while let Some(l) = lines.next() {
        if l == "name = \"rlibphonenumber\"" {
            let version = lines.next().expect("version line");
            let version = version.trim_start_matches("version = ").trim_matches('"');
            for l in lines.by_ref() {
                if let Some(sum) = l.strip_prefix("checksum = ") {
                    return format!("rlibphonenumber {version} {}", sum.trim_matches('"'));
                }
            }
        }
    }
    panic!("no rlibphonenumber in {}", lock.display())
}

/// rlibphonenumber's embedded metadata (it has no public accessor for it).
fn rlib_metadata(tool: &Path) -> PhoneMetadataCollection {
    let out = std::process::Command::new(std::env::var("CARGO").unwrap_or("cargo".into()))
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--manifest-path",
        ])
        .arg(tool.join("Cargo.toml"))
        .output()
        .expect("cargo metadata");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata json");
    let pkg = json["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "rlibphonenumber")
        .expect("rlibphonenumber package");
    let manifest = PathBuf::from(pkg["manifest_path"].as_str().expect("manifest path"));
    let bin = manifest.with_file_name("src/generated/metadata/metadata.bin");
    let bytes = std::fs::read(&bin).unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    PhoneMetadataCollection::decode(&bytes[..]).expect("decode metadata")
}

fn generate(root: &Path, tool: &Path) -> Vec<u8> {
    let source = locked(&root.join("Cargo.lock"));
    assert_eq!(
        source,
        locked(&tool.join("Cargo.lock")),
        "tool and crate lock different rlibphonenumber"
    );
    let mut out = b"PHM1".to_vec();
    str8(&mut out, &source);
    str8(&mut out, &tool_hash(tool));
    unicode(&mut out);
    check_fixed_patterns();
    territories(&mut out, &rlib_metadata(tool));
    out
}

fn varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn str8(out: &mut Vec<u8>, s: &str) {
    assert!(s.len() < 256);
    out.push(s.len() as u8);
    out.extend(s.as_bytes());
}

fn all_chars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

/// Writes runs of ten decimal digits (0 to 9) as the deltas of their first code points.
fn digit_blocks(out: &mut Vec<u8>, value: impl Fn(char) -> Option<u8>, what: &str) -> Vec<u32> {
    let mut starts = vec![];
    let mut expect: Option<(u32, u8)> = None;
    for c in all_chars() {
        let v = value(c);
        if let Some((cp, d)) = expect {
            assert_eq!(v, Some(d), "{what}: broken run at U+{cp:04X}");
            expect = (d < 9).then_some((cp + 1, d + 1));
            continue;
        }
        match v {
            None => {}
            Some(0) => {
                starts.push(c as u32);
                expect = Some((c as u32 + 1, 1));
            }
            Some(d) => panic!("{what}: U+{:04X} is {d} outside a run", c as u32),
        }
    }
    varint(out, starts.len() as u32);
    let mut prev = 0;
    for &s in &starts {
        varint(out, s - prev);
        prev = s;
    }
    starts
}

fn unicode(out: &mut Vec<u8>) {
    // libphonenumber's digit normalization (its own Unicode tables).
    let util_digit = |c: char| {
        let d = PHONE_NUMBER_UTIL.normalize_digits_only(c.to_string());
        let b = d.as_bytes();
        (b.len() == 1).then(|| b[0] - b'0')
    };
    let digits = digit_blocks(out, util_digit, "digits");
    // `\p{Nd}` of the regex crate (its own Unicode version), with the same values.
    let nd = regex::Regex::new(r"^\p{Nd}$").expect("regex");
    // Contiguous runs of `\p{Nd}` are whole blocks of ten (checked): value = offset mod 10.
    let is_nd = |c: char| nd.is_match(c.encode_utf8(&mut [0; 4]));
    let regex_digit = |c: char| {
        if !is_nd(c) {
            return None;
        }
        let mut first = c as u32;
        while first > 0 && char::from_u32(first - 1).is_some_and(is_nd) {
            first -= 1;
        }
        Some(((c as u32 - first) % 10) as u8)
    };
    let nd_blocks = digit_blocks(out, regex_digit, "Nd");
    eprintln!(
        "digit blocks: {} (util), {} (regex Nd); util only: {:?}, regex only: {:?}",
        digits.len(),
        nd_blocks.len(),
        digits
            .iter()
            .filter(|s| !nd_blocks.contains(s))
            .map(|s| format!("U+{s:04X}"))
            .collect::<Vec<_>>(),
        nd_blocks
            .iter()
            .filter(|s| !digits.contains(s))
            .map(|s| format!("U+{s:04X}"))
            .collect::<Vec<_>>()
    );
    // The characters rlibphonenumber trims from the end of a number: those of UnicodeData.txt
    // (its copy in uniprops-gen) not in a letter or number category, ranges grouped the way
    // uniprops-gen groups them.
    let records = std::cell::RefCell::new(vec![]);
    let dir = std::env::temp_dir().join(format!("phone-meta-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::env::set_var("OUT_DIR", &dir);
    uniprops_gen::UnipropsBuilder::new()
        .filter(|r| !r.general_category.starts_with(['N', 'L']))
        .with_digits(false)
        .with_categories(false)
        .with_custom(|recs| {
            *records.borrow_mut() = recs
                .iter()
                .map(|r| (r.code_point, r.name.clone(), r.general_category.clone()))
                .collect::<Vec<_>>();
            String::new()
        })
        .out_file("unused.rs")
        .build();
    let _ = std::fs::remove_dir_all(&dir);
    let records = records.into_inner();
    let mut groups: Vec<(u32, u32, String)> = vec![];
    for (cp, name, cat) in records {
        // uniprops-gen: a name with a second comma-separated part other than "First" ends a range.
        let last = name
            .split(',')
            .nth(1)
            .is_some_and(|t| t.trim_matches(|c| c == ' ' || c == '>') != "First");
        match groups.last_mut() {
            Some(g) if (cp == g.1 + 1 && cat == g.2) || last => g.1 = cp,
            _ => groups.push((cp, cp, cat)),
        }
    }
    let mut ranges: Vec<(u32, u32)> = vec![];
    for (a, b, _) in groups {
        match ranges.last_mut() {
            Some(r) if a == r.1 + 1 => r.1 = b,
            _ => ranges.push((a, b)),
        }
    }
    varint(out, ranges.len() as u32);
    let mut prev = 0;
    for &(a, b) in &ranges {
        // Half-open: the start, then the end after the range (the ranges are apart).
        assert!(prev == 0 || a > prev);
        varint(out, a - prev);
        varint(out, b + 1 - a);
        prev = b + 1;
    }
    eprintln!("unwanted end ranges: {}", ranges.len());
}

/// The assumptions `lite.rs` makes about how the `regex` crate reads libphonenumber's fixed
/// patterns (case-insensitive extension labels, `.`, `[a-z]` under `(?i)`).
fn check_fixed_patterns() {
    let orbit = |pattern: &str| -> String {
        let re = regex::Regex::new(&format!("^(?:{pattern})$")).expect("pattern");
        all_chars()
            .filter(|c| re.is_match(c.encode_utf8(&mut [0; 4])))
            .collect()
    };
    // Every letter of the extension labels, with the characters `(?i)` lets it match. lite.rs's
    // `fold` maps each of these to the first one.
    for (letter, want) in [
        ("e", "Ee"),
        ("x", "Xx"),
        ("t", "Tt"),
        ("n", "Nn"),
        ("s", "Ssſ"),
        ("i", "Ii"),
        ("o", "Oo"),
        ("a", "Aa"),
        ("\u{F3}", "\u{D3}\u{F3}"),
        ("\u{301}", "\u{301}"),
        ("\u{FF45}", "\u{FF25}\u{FF45}"),
        ("\u{FF58}", "\u{FF38}\u{FF58}"),
        ("\u{FF54}", "\u{FF34}\u{FF54}"),
        ("\u{FF4E}", "\u{FF2E}\u{FF4E}"),
        ("\u{FF49}", "\u{FF29}\u{FF49}"),
        ("\u{434}", "\u{414}\u{434}\u{1C81}"),
        ("\u{43E}", "\u{41E}\u{43E}\u{1C82}"),
        ("\u{431}", "\u{411}\u{431}"),
        ("#", "#"),
        ("\u{FF03}", "\u{FF03}"),
        ("~", "~"),
        ("\u{FF5E}", "\u{FF5E}"),
    ] {
        assert_eq!(orbit(&format!("(?i){letter}")), want, "(?i){letter}");
    }
    let az: String = ('A'..='Z')
        .chain('a'..='z')
        .chain(['\u{17F}', '\u{212A}'])
        .collect();
    assert_eq!(orbit("(?i)[a-z]"), az);
    let dot = orbit(".");
    assert_eq!(
        dot.chars().count(),
        all_chars().count() - 1,
        "`.` is all but \\n"
    );
    assert!(!dot.contains('\n'));
}

/// The descriptions in the order libphonenumber's number-type test reads them.
fn descs(m: &PhoneMetadata) -> [&Option<PhoneNumberDesc>; 11] {
    [
        &m.general_desc,
        &m.premium_rate,
        &m.toll_free,
        &m.shared_cost,
        &m.voip,
        &m.personal_number,
        &m.pager,
        &m.uan,
        &m.voicemail,
        &m.fixed_line,
        &m.mobile,
    ]
}

/// libphonenumber's `build_length_mask`.
fn length_mask(lengths: &[i32]) -> u64 {
    let mut mask = 0u64;
    for &l in lengths {
        if l == -1 {
            mask = 0;
        } else {
            assert!((0..64).contains(&l));
            mask |= 1 << l;
        }
    }
    mask
}

/// A pattern field: the pattern in the engine's text syntax, or `!` for none.
/// `full`: a national number pattern (whole-string match, no anchors inside); otherwise an
/// anchored-at-start search.
fn pattern(base: &Option<String>, full: bool) -> String {
    let Some(base) = base else { return "!".into() };
    // rlibphonenumber wraps every pattern as `^(?:...)$` and matches `base` whole or
    // `base` without the final `$` from the start.
    assert!(
        base.starts_with("^(?:") && base.ends_with(")$") && base.len() >= 6,
        "{base}"
    );
    let inner = &base[4..base.len() - 2];
    let node = re::parse(inner);
    let mut caps = vec![];
    prog::captures(&node, &mut caps);
    assert!(
        caps.iter().enumerate().all(|(i, &c)| c as usize == i + 1),
        "{base}"
    );
    if full {
        assert!(prog::max_len(&node) < 64, "{base}");
        assert!(!prog::has_anchor(&node), "{base}");
    }
    let text = prog::text(&node);
    assert!(!text.is_empty() && !text.contains(' '));
    text
}

/// A length list (its non-negative lengths) as in `mask_list`.
fn lengths(l: &[i32]) -> String {
    mask_list(l.iter().filter(|&&l| l >= 0).fold(0, |m, &l| {
        assert!(l < 63);
        m | 1 << l
    }))
}

/// A length mask as a list of lengths and ranges of lengths (`6,8-10`).
fn mask_list(mask: u64) -> String {
    let mut parts = vec![];
    let mut l = 0;
    while l < 64 {
        if mask & (1 << l) == 0 {
            l += 1;
            continue;
        }
        let mut e = l;
        while e + 1 < 64 && mask & (1 << (e + 1)) != 0 {
            e += 1;
        }
        parts.push(if e > l {
            format!("{l}-{e}")
        } else {
            l.to_string()
        });
        l = e + 1;
    }
    parts.join(",")
}

/// One line per territory with a country code, by country code (then in metadata order),
/// fields separated by spaces:
/// id (`001` for non-geographic entities), country code, flags (1: main country for the code,
/// 2: same mobile and fixed-line pattern), the possible and local-only lengths of the general
/// description (libphonenumber's length masks, as lists like `6,8-10`), the international
/// prefix, the national prefix for parsing, the leading digits (patterns, `!` for none; leading
/// digits only for shared country codes, the only case they are read), the national prefix
/// transform rule (`!` for none), then eleven descriptions (general, premium rate, toll free,
/// shared cost, VoIP, personal number, pager, UAN, voicemail, fixed line, mobile; mobile
/// omitted when it is the same as fixed line, as it is not read then): `!` when it has no
/// pattern, else its pattern, preceded by its possible lengths and `:` when they say more than
/// the pattern (it matches other lengths too).
fn territories(out: &mut Vec<u8>, c: &PhoneMetadataCollection) {
    let mut n = 0;
    let mut text = String::new();
    let mut lines = vec![];
    let mut per_code: HashMap<i32, usize> = HashMap::new();
    for m in &c.metadata {
        if let Some(cc) = m.country_code {
            *per_code.entry(cc).or_default() += 1;
        }
    }
    for m in &c.metadata {
        let Some(cc) = m.country_code else { continue };
        n += 1;
        if m.id != "001" {
            assert!(
                m.id.len() == 2 && m.id.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                m.id
            );
        }
        let general = m.general_desc.clone().unwrap_or_default();
        let rule = m.national_prefix_transform_rule();
        // lite.rs expands `$1`/`$2` only: a rule is digits then at most one `$` and a digit.
        let (head, tail) = rule.split_once('$').unwrap_or((rule, ""));
        assert!(head.bytes().all(|b| b.is_ascii_digit()), "{rule}");
        assert!(
            tail.is_empty() || (tail.len() == 1 && tail.as_bytes()[0].is_ascii_digit()),
            "{rule}"
        );
        let mut fields = vec![
            m.id.clone(),
            cc.to_string(),
            (m.main_country_for_code() as u8 | (m.same_mobile_and_fixed_line_pattern() as u8) << 1)
                .to_string(),
            mask_list(length_mask(&general.possible_length)),
            mask_list(length_mask(&general.possible_length_local_only)),
            pattern(&m.international_prefix, false),
            pattern(&m.national_prefix_for_parsing, false),
            // Leading digits tell apart the territories of a shared country code only.
            if per_code[&cc] > 1 {
                pattern(&m.leading_digits, false)
            } else {
                "!".into()
            },
            if rule.is_empty() {
                "!".into()
            } else {
                rule.to_owned()
            },
        ];
        for (i, d) in descs(m).into_iter().enumerate() {
            let mut d = d.clone().unwrap_or_default();
            // The mobile description is not read when it is the fixed-line one.
            if i == 10 && m.same_mobile_and_fixed_line_pattern() {
                d.national_number_pattern = None;
            }
            fields.push(match &d.national_number_pattern {
                None => "!".into(),
                Some(p) => {
                    // The length list matters only when the pattern matches other lengths.
                    let node = re::parse(&p[4..p.len() - 2]);
                    let listed = d
                        .possible_length
                        .iter()
                        .filter(|&&l| l >= 0)
                        .fold(0u64, |m, &l| m | 1 << l);
                    let list =
                        if d.possible_length.is_empty() || prog::length_set(&node) & !listed == 0 {
                            "".to_owned()
                        } else {
                            format!("{}:", lengths(&d.possible_length))
                        };
                    format!("{list}{}", pattern(&Some(p.clone()), true))
                }
            });
        }
        lines.push((cc, fields.join(" ")));
    }
    // By country code (gzip finds more alike patterns within its window); the order of the
    // territories of one code, which libphonenumber's region lookups follow, is kept.
    lines.sort_by_key(|l| l.0);
    varint(out, n);
    // The length of each line first, so that the engine finds them without reading the text.
    for (_, line) in &lines {
        varint(out, line.len() as u32 + 1);
    }
    for (_, line) in lines {
        text.push_str(&line);
        text.push('\n');
    }
    out.extend(text.as_bytes());
}
