//! Derives the bytes of `src/unicode/nfc.bin` from ICU4X's `icu_normalizer`, by asking it about
//! every code point. Shared, through `#[path]`, by the `nfc-data` tool (which writes the file)
//! and by contact-rules' test `unicode::nfc::tests::data_is_derived_from_icu4x` (which derives
//! it again with the `icu_normalizer` of contact-rules' Cargo.lock and fails if it differs).
//!
//! # Format (all integers LEB128 varints unless said otherwise)
//!
//! 1. Canonical combining classes: `R`, the number of runs of consecutive code points with the
//!    same non-zero class; `R` gaps (a run's first code point minus the end of the run before,
//!    exclusive, 0 at the start); `R` lengths minus one; `R` bytes, the classes.
//! 2. Canonical decompositions (one step, as in UnicodeData.txt; Hangul syllables left out, they
//!    are algorithmic): `D`, the number of decomposing code points; `D` gaps (a code point minus
//!    the one before, minus one; the first is the code point itself); `D` zigzag-encoded
//!    differences between the first character of a decomposition and that of the one before (0
//!    at the start); `A`, the number of distinct second characters, then `A` differences between
//!    them in ascending order; `D` bytes: 0 for a singleton decomposition, else 1 + the index of
//!    its second character.
//! 3. Composition exclusions: `E`, the number of two-character decompositions that do not
//!    compose back (Full_Composition_Exclusion); `E` gaps between their indexes in the list of
//!    decompositions (index minus the one before, minus one; the first is the index itself).

use icu_normalizer::properties::{
    CanonicalCombiningClassMapBorrowed, CanonicalCompositionBorrowed,
    CanonicalDecompositionBorrowed, Decomposed,
};

/// The Hangul syllables, whose decompositions and compositions are algorithmic.
const HANGUL_SYLLABLES: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;

/// One decomposing code point: the code point, its one-step decomposition (the second character
/// `None` for a singleton) and whether it is excluded from composition.
struct Decomposition {
    cp: u32,
    first: u32,
    second: Option<u32>,
    excluded: bool,
}

/// Appends `v` as an unsigned LEB128 varint.
fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v & 0x7F) as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Every Unicode scalar value.
fn scalars() -> impl Iterator<Item = char> {
    (0..=0x10FFFFu32).filter_map(char::from_u32)
}

/// The packed tables (see the module's documentation for the format).
pub fn packed() -> Vec<u8> {
    let ccc_map = CanonicalCombiningClassMapBorrowed::new();
    let decomposer = CanonicalDecompositionBorrowed::new();
    let composer = CanonicalCompositionBorrowed::new();

    // Runs of equal non-zero classes.
    let mut runs: Vec<(u32, u32, u8)> = Vec::new(); // (start, end exclusive, class)
    for c in scalars() {
        let class = ccc_map.get_u8(c);
        if class == 0 {
            continue;
        }
        let cp = u32::from(c);
        match runs.last_mut() {
            Some(run) if run.1 == cp && run.2 == class => run.1 = cp + 1,
            _ => runs.push((cp, cp + 1, class)),
        }
    }

    let mut decompositions: Vec<Decomposition> = Vec::new();
    for c in scalars() {
        let cp = u32::from(c);
        if HANGUL_SYLLABLES.contains(&cp) {
            continue;
        }
        let (first, second) = match decomposer.decompose(c) {
            Decomposed::Default => continue,
            Decomposed::Singleton(a) => (a, None),
            Decomposed::Expansion(a, b) => (a, Some(b)),
        };
        let excluded = match second {
            None => true,
            Some(b) => composer.compose(first, b) != Some(c),
        };
        decompositions.push(Decomposition {
            cp,
            first: u32::from(first),
            second: second.map(u32::from),
            excluded,
        });
    }

    // The composer composes no pair but the decompositions that are not excluded (and Hangul):
    // asked about every first character with every second one.
    let firsts: std::collections::BTreeSet<u32> = decompositions
        .iter()
        .filter(|d| d.second.is_some())
        .map(|d| d.first)
        .collect();
    let mut seconds: Vec<u32> = decompositions.iter().filter_map(|d| d.second).collect();
    seconds.sort_unstable();
    seconds.dedup();
    let compositions: std::collections::BTreeMap<(u32, u32), u32> = decompositions
        .iter()
        .filter(|d| !d.excluded)
        .filter_map(|d| Some(((d.first, d.second?), d.cp)))
        .collect();
    for &a in &firsts {
        for &b in &seconds {
            let (Some(ca), Some(cb)) = (char::from_u32(a), char::from_u32(b)) else {
                panic!("not a scalar value: {a:X} {b:X}");
            };
            assert_eq!(
                composer.compose(ca, cb).map(u32::from),
                compositions.get(&(a, b)).copied(),
                "compose(U+{a:04X}, U+{b:04X})"
            );
        }
    }

    let mut out = Vec::new();

    varint(&mut out, runs.len() as u32);
    let mut end = 0;
    for &(start, stop, _) in &runs {
        varint(&mut out, start - end);
        end = stop;
    }
    for &(start, stop, _) in &runs {
        varint(&mut out, stop - start - 1);
    }
    out.extend(runs.iter().map(|r| r.2));

    varint(&mut out, decompositions.len() as u32);
    let mut next = 0;
    for d in &decompositions {
        varint(&mut out, d.cp - next);
        next = d.cp + 1;
    }
    let mut prev_first: i64 = 0;
    for d in &decompositions {
        let delta = i64::from(d.first) - prev_first;
        prev_first = i64::from(d.first);
        let zigzag = if delta < 0 { -2 * delta - 1 } else { 2 * delta };
        varint(&mut out, u32::try_from(zigzag).expect("small delta"));
    }
    assert!(seconds.len() < 255, "too many second characters");
    varint(&mut out, seconds.len() as u32);
    let mut prev = 0;
    for &b in &seconds {
        varint(&mut out, b - prev);
        prev = b;
    }
    for d in &decompositions {
        out.push(match d.second {
            None => 0,
            Some(b) => 1 + seconds.binary_search(&b).expect("in the alphabet") as u8,
        });
    }

    let excluded: Vec<usize> = decompositions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.second.is_some() && d.excluded)
        .map(|(i, _)| i)
        .collect();
    varint(&mut out, excluded.len() as u32);
    let mut next = 0;
    for &i in &excluded {
        varint(&mut out, (i - next) as u32);
        next = i + 1;
    }
    out
}
