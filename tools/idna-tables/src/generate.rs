//! The generator of `src/host/uts46.bin`, shared by the `idna-tables` tool (which writes the file)
//! and by contact-rules' freshness test (`src/host/tests.rs` includes this file and compares its
//! output with the committed file), so that the two can never derive the tables differently.
//!
//! Every code point goes through the same ICU4X data the `idna` crate 1.1.0 runs on (through
//! `idna_adapter`): `icu_normalizer`'s UTS #46 mapper for the mapping, `icu_properties` for
//! Bidi_Class, Joining_Type and General_Category.
//!
//! # Format (all integers LEB128 varints unless said otherwise)
//!
//! Column by column (each kind of number together), which gzip compresses best:
//!
//! ```text
//! "UTS46" 2                     magic and format version
//! n, then n mapping runs        consecutive, from U+0000 to U+10FFFF (surrogates disallowed),
//!   (len - 1) << 3 | kind       each: kind 0 valid (or deviation), 1 disallowed, 2 ignored,
//!                               3 mapped to one character, code point + a delta that is the
//!                               same for the whole run, 4 mapped to strings (the run's code
//!                               points take the next `len` strings of the table, in order),
//!                               5 alternating: even offsets in the run map to the code point
//!                               + 1, odd offsets are valid (upper/lower case pairs)
//! then, for each kind 3 run     zigzag(its first target - the target after the previous kind 3
//!                               run's last one (0 for the first))
//! m, then m string lengths      in bytes, one byte each
//! then the m strings            UTF-8, one after the other
//! p, then p property run        (len - 1), then the p run values, one byte each: bidi + 8 *
//! lengths                       joining + 40 * mark (see below); consecutive from U+0000
//! ```
//!
//! A mapping string is the NFC form of the character's UTS #46 mapping (what the mapper gives
//! for the character alone): canonically equivalent to the mapping itself, so mapping each
//! character of a string and composing the whole (NFC) gives the mapper's result.
//!
//! The property value: `bidi` 0 L, 1 R, 2 AL, 3 AN, 4 EN, 5 NSM, 6 ES/CS/ET/ON/BN (the classes
//! the Bidi Rule allows in the middle of any label), 7 the others; `joining` 0 U or C, 1 L,
//! 2 R, 3 D, 4 T; `mark` 1 for General_Category Mn, Mc and Me. Code points that can never reach
//! the checks (neither valid, nor in a mapping, nor a canonical composite) take the value of the
//! run before them, which makes the runs fewer.

use icu_normalizer::uts46::Uts46MapperBorrowed;
use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::props::{BidiClass, GeneralCategory, JoiningType};
use icu_properties::CodePointMapData;

/// The last code point.
const MAX: u32 = 0x10FFFF;

/// What UTS #46 does with one code point.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Mapping {
    /// Kept as it is (valid, or a deviation: non-transitional processing keeps those).
    Valid,
    /// Disallowed: the mapper gives U+FFFD.
    Disallowed,
    /// Ignored: mapped to nothing.
    Ignored,
    /// Mapped to these characters (NFC).
    Mapped(Vec<char>),
}

/// The UTS #46 mapping of `c` by the mapper `idna` uses, checked against the same mapper's
/// validating form (which must agree: valid characters kept, mapped ones mapped alike,
/// ignored and disallowed ones turned into U+FFFD).
pub fn mapping(c: char) -> Mapping {
    let mapper = Uts46MapperBorrowed::new();
    let mapped: Vec<char> = mapper.map_normalize(std::iter::once(c)).collect();
    let validated: Vec<char> = mapper.normalize_validate(std::iter::once(c)).collect();
    let m = if c == '\u{FFFD}' {
        Mapping::Disallowed
    } else if mapped == [c] {
        Mapping::Valid
    } else if mapped.is_empty() {
        Mapping::Ignored
    } else if mapped == ['\u{FFFD}'] {
        Mapping::Disallowed
    } else {
        Mapping::Mapped(mapped.clone())
    };
    let want_validated = match &m {
        Mapping::Valid => vec![c],
        Mapping::Mapped(s) => s.clone(),
        Mapping::Ignored | Mapping::Disallowed => vec!['\u{FFFD}'],
    };
    assert_eq!(
        validated, want_validated,
        "U+{:04X}: normalize_validate disagrees with map_normalize",
        c as u32
    );
    m
}

/// The packed property value of `c` (see the module documentation).
pub fn property_value(c: char) -> u8 {
    let bidi = match CodePointMapData::<BidiClass>::new().get(c) {
        BidiClass::LeftToRight => 0,
        BidiClass::RightToLeft => 1,
        BidiClass::ArabicLetter => 2,
        BidiClass::ArabicNumber => 3,
        BidiClass::EuropeanNumber => 4,
        BidiClass::NonspacingMark => 5,
        BidiClass::EuropeanSeparator
        | BidiClass::CommonSeparator
        | BidiClass::EuropeanTerminator
        | BidiClass::OtherNeutral
        | BidiClass::BoundaryNeutral => 6,
        _ => 7,
    };
    let joining = match CodePointMapData::<JoiningType>::new().get(c) {
        JoiningType::LeftJoining => 1,
        JoiningType::RightJoining => 2,
        JoiningType::DualJoining => 3,
        JoiningType::Transparent => 4,
        _ => 0,
    };
    let mark = matches!(
        CodePointMapData::<GeneralCategory>::new().get(c),
        GeneralCategory::NonspacingMark
            | GeneralCategory::SpacingMark
            | GeneralCategory::EnclosingMark
    );
    bidi + 8 * joining + 40 * u8::from(mark)
}

/// A run of code points treated alike (the format's kinds).
#[derive(Clone, PartialEq, Eq, Debug)]
enum Kind {
    /// Valid.
    Valid,
    /// Disallowed.
    Disallowed,
    /// Ignored.
    Ignored,
    /// Mapped to the code point plus this delta.
    Delta(i64),
    /// Mapped to strings.
    Strings,
    /// Upper/lower case pairs.
    Alternating,
}

/// Appends `v` as a LEB128 varint.
fn push_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Zigzag encoding: small magnitudes of either sign become small numbers.
fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

/// All code points with their mapping (surrogates disallowed).
fn all_mappings() -> Vec<Mapping> {
    (0..=MAX)
        .map(|cp| char::from_u32(cp).map_or(Mapping::Disallowed, mapping))
        .collect()
}

/// The generated file.
pub fn generate() -> Vec<u8> {
    let maps = all_mappings();
    let mut out = b"UTS46\x02".to_vec();

    // Mapping runs.
    let mut runs: Vec<(Kind, u32, u32)> = Vec::new();
    let mut strings: Vec<String> = Vec::new();
    let mut cp = 0u32;
    while cp <= MAX {
        let m = &maps[cp as usize];
        let kind = match m {
            Mapping::Valid => Kind::Valid,
            Mapping::Disallowed => Kind::Disallowed,
            Mapping::Ignored => Kind::Ignored,
            Mapping::Mapped(s) if s.len() == 1 => {
                // An upper/lower pair followed by more pairs: an alternating run.
                let pair = |at: u32| {
                    maps.get(at as usize)
                        == Some(&Mapping::Mapped(vec![
                            char::from_u32(at + 1).unwrap_or('\0')
                        ]))
                        && maps.get(at as usize + 1) == Some(&Mapping::Valid)
                };
                if pair(cp) && pair(cp + 2) {
                    let mut len = 4;
                    while pair(cp + len) {
                        len += 2;
                    }
                    runs.push((Kind::Alternating, cp, len));
                    cp += len;
                    continue;
                }
                Kind::Delta(i64::from(u32::from(s[0])) - i64::from(cp))
            }
            Mapping::Mapped(s) => {
                strings.push(s.iter().collect());
                Kind::Strings
            }
        };
        match runs.last_mut() {
            Some((k, _, len)) if *k == kind && kind != Kind::Alternating => *len += 1,
            _ => runs.push((kind, cp, 1)),
        }
        cp += 1;
    }
    push_varint(&mut out, runs.len() as u64);
    for (kind, _, len) in &runs {
        let tag = match kind {
            Kind::Valid => 0,
            Kind::Disallowed => 1,
            Kind::Ignored => 2,
            Kind::Delta(_) => 3,
            Kind::Strings => 4,
            Kind::Alternating => 5,
        };
        push_varint(&mut out, u64::from(len - 1) << 3 | tag);
    }
    let mut expected = 0i64;
    for (kind, start, len) in &runs {
        if let Kind::Delta(d) = kind {
            let first = i64::from(*start) + d;
            push_varint(&mut out, zigzag(first - expected));
            expected = first + i64::from(*len);
        }
    }
    push_varint(&mut out, strings.len() as u64);
    for s in &strings {
        out.push(u8::try_from(s.len()).expect("a mapping string of at most 255 bytes"));
    }
    for s in &strings {
        out.extend_from_slice(s.as_bytes());
    }

    // Which code points can reach the property checks: ASCII, valid ones, those in mappings and
    // canonical composites (which NFC can make out of mapped text).
    let mut reachable = vec![false; maps.len()];
    let nfd = DecomposingNormalizerBorrowed::new_nfd();
    for (cp, m) in maps.iter().enumerate() {
        let Some(c) = u32::try_from(cp).ok().and_then(char::from_u32) else {
            continue;
        };
        match m {
            Mapping::Valid => reachable[cp] = true,
            Mapping::Mapped(s) => {
                for &t in s {
                    reachable[t as usize] = true;
                }
            }
            _ => {}
        }
        let mut buf = [0u8; 4];
        if c.is_ascii()
            || nfd.normalize(c.encode_utf8(&mut buf)) != c.encode_utf8(&mut [0u8; 4]) as &str
        {
            reachable[cp] = true;
        }
    }
    let mut props: Vec<(u8, u32)> = Vec::new();
    for cp in 0..=MAX {
        let value = char::from_u32(cp)
            .filter(|_| reachable[cp as usize])
            .map(property_value);
        match (props.last_mut(), value) {
            (Some((v, len)), Some(value)) if *v == value => *len += 1,
            (Some((_, len)), None) => *len += 1,
            (_, value) => props.push((value.unwrap_or(0), 1)),
        }
    }
    push_varint(&mut out, props.len() as u64);
    for (_, len) in &props {
        push_varint(&mut out, u64::from(len - 1));
    }
    out.extend(props.iter().map(|(value, _)| value));
    out
}
