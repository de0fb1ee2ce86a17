//! Normalization Form C (UAX #15) on packed tables.
//!
//! `nfc.bin` holds the canonical combining classes, the one-step canonical decompositions and the
//! composition exclusions of Unicode 18.0, as ICU4X's `icu_normalizer` 2.4 has them: written by
//! `tools/nfc-data` (its format is described in `tools/nfc-data/src/derive.rs`), about 9 KB and
//! 4.4 KB gzip. It is unpacked on first use into
//!
//! - a two-level table from a code point to its class, its NFC quick check (No, Maybe) and its
//!   full canonical decomposition (recursive, canonically ordered, in one pool of characters),
//! - the sorted list of canonical compositions (pairs that compose, exclusions left out).
//!
//! Hangul syllables decompose and compose algorithmically. Text that is already NFC costs one
//! pass: characters below U+0300 (UTF-8 lead bytes below 0xCC) are skipped by byte, others are
//! looked up until one is not NFC_Quick_Check=Yes or breaks the canonical order. Only then is
//! the text normalized, from the last character before that which is a starter with
//! NFC_Quick_Check=Yes (nothing before it can change), segment by segment.
//!
//! The tests hold the result to `icu_normalizer` on every code point alone and next to
//! combining marks and Hangul jamo, on Unicode's NormalizationTest.txt and on random strings,
//! and derive `nfc.bin` again from ICU4X to check it is the file committed.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::table_reader::Reader;

/// The packed tables.
static DATA: &[u8] = include_bytes!("nfc.bin");

/// A code point's entry in the table: the canonical combining class in the low byte.
const CCC_MASK: u32 = 0xFF;
/// NFC_Quick_Check=No: the character never occurs in NFC.
const QC_NO: u32 = 1 << 8;
/// NFC_Quick_Check=Maybe, or a decomposition that begins with such a character: the character
/// may compose with the one before.
const QC_MAYBE: u32 = 1 << 9;
/// The bits that make a character other than an inert starter (class 0, quick check Yes).
const NOT_INERT: u32 = CCC_MASK | QC_NO | QC_MAYBE;
/// The length of the full decomposition (0: none) at this shift, 3 bits.
const LEN_SHIFT: u32 = 10;
/// The start of the full decomposition in the pool at this shift.
const START_SHIFT: u32 = 13;

/// Code points per block of the two-level table.
const BLOCK: usize = 64;

/// Hangul: the first syllable, leading consonant, vowel and trailing consonant (minus one).
const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// The unpacked tables.
struct Tables {
    /// For each block of [`BLOCK`] code points, from U+0000 up to the last one with an entry,
    /// the index of its entries in `blocks` (0: a block of zeros).
    index: Vec<u16>,
    /// Blocks of entries: class, quick check, decomposition (see the constants above).
    blocks: Vec<u32>,
    /// The full decompositions, one after the other.
    pool: Vec<char>,
    /// The canonical compositions, `first << 42 | second << 21 | composite`, sorted.
    compositions: Vec<u64>,
}

/// The tables, unpacked on first use.
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables::decode(DATA).expect("nfc.bin is generated and tested"))
}

/// NFC of `s`, borrowed when `s` is already in NFC.
pub(crate) fn nfc(s: &str) -> Cow<'_, str> {
    // Everything below U+0300 is a starter that NFC leaves as it is, whatever follows.
    let Some(first) = s.bytes().position(|b| b >= 0xCC) else {
        return Cow::Borrowed(s);
    };
    let t = tables();
    let Some(start) = t.quick_check(s, first) else {
        return Cow::Borrowed(s);
    };
    // `start` is a character boundary; were it not, normalizing all of `s` is as right.
    let (head, tail) = s.split_at_checked(start).unwrap_or(("", s));
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(head);
    t.normalize_into(tail, &mut out);
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// Whether `s` is in NFC.
pub(crate) fn is_nfc(s: &str) -> bool {
    matches!(nfc(s), Cow::Borrowed(_))
}

/// The canonical combining class of `c` (0 for starters).
pub(crate) fn canonical_combining_class(c: char) -> u8 {
    if (c as u32) < 0x300 {
        return 0;
    }
    (tables().entry(c) & CCC_MASK) as u8
}

impl Tables {
    /// The entry of `c` (0 for most characters).
    fn entry(&self, c: char) -> u32 {
        let cp = c as u32;
        let block = self.index.get((cp >> 6) as usize).copied().unwrap_or(0);
        self.blocks
            .get(usize::from(block) * BLOCK + (cp & 63) as usize)
            .copied()
            .unwrap_or(0)
    }

    /// `None` when `s` is in NFC; otherwise the offset from which it must be normalized (a
    /// character boundary: the start of a starter with NFC_Quick_Check=Yes, or 0). `from` is
    /// the offset of the first character at or above U+0300.
    fn quick_check(&self, s: &str, from: usize) -> Option<usize> {
        let head = s.get(..from).unwrap_or("");
        let mut boundary = head.char_indices().next_back().map_or(0, |(i, _)| i);
        let tail = s.get(from..).unwrap_or(s);
        let base = s.len() - tail.len();
        let mut last_ccc = 0;
        for (i, c) in tail.char_indices() {
            let entry = if (c as u32) < 0x300 { 0 } else { self.entry(c) };
            if entry & NOT_INERT == 0 {
                boundary = base + i;
                last_ccc = 0;
                continue;
            }
            let ccc = entry & CCC_MASK;
            if entry & (QC_NO | QC_MAYBE) != 0 || (ccc != 0 && last_ccc > ccc) {
                return Some(boundary);
            }
            last_ccc = ccc;
        }
        None
    }

    /// Appends NFC of `s` to `out`.
    fn normalize_into(&self, s: &str, out: &mut String) {
        // The current segment, decomposed: characters and their classes. A segment ends before
        // each starter with NFC_Quick_Check=Yes: nothing after it composes or reorders with
        // anything before it.
        let mut segment: Vec<(char, u8)> = Vec::new();
        for c in s.chars() {
            // Below U+00C0 nothing decomposes (but from there Latin letters do).
            let entry = if (c as u32) < 0xC0 { 0 } else { self.entry(c) };
            if entry & NOT_INERT == 0 {
                self.flush(&mut segment, out);
            }
            let len = ((entry >> LEN_SHIFT) & 7) as usize;
            if len == 0 {
                // Hangul syllables are kept whole: composing their jamo gives them back.
                segment.push((c, (entry & CCC_MASK) as u8));
                continue;
            }
            let start = (entry >> START_SHIFT) as usize;
            for &d in self.pool.get(start..start + len).unwrap_or_default() {
                segment.push((d, (self.entry(d) & CCC_MASK) as u8));
            }
        }
        self.flush(&mut segment, out);
    }

    /// Puts a decomposed segment in canonical order, composes it and appends it to `out`.
    fn flush(&self, segment: &mut Vec<(char, u8)>, out: &mut String) {
        canonical_order(segment);

        // The last starter (its index in the kept characters) and the class of the last kept
        // character after it (`None`: none since the starter).
        let mut starter: Option<usize> = None;
        let mut last_ccc: Option<u8> = None;
        let mut kept = 0;
        for read in 0..segment.len() {
            let Some(&(c, ccc)) = segment.get(read) else {
                break;
            };
            if let Some(s) = starter {
                let blocked = last_ccc.is_some_and(|l| l == 0 || l >= ccc);
                if !blocked {
                    if let Some(slot) = segment.get_mut(s) {
                        if let Some(composite) = self.compose(slot.0, c) {
                            slot.0 = composite;
                            continue;
                        }
                    }
                }
            }
            if ccc == 0 {
                starter = Some(kept);
                last_ccc = None;
            } else {
                last_ccc = Some(ccc);
            }
            if let Some(slot) = segment.get_mut(kept) {
                *slot = (c, ccc);
            }
            kept += 1;
        }
        segment.truncate(kept);
        out.extend(segment.iter().map(|&(c, _)| c));
        segment.clear();
    }

    /// The primary composite of `a` and `b`, if any.
    fn compose(&self, a: char, b: char) -> Option<char> {
        let (a, b) = (a as u32, b as u32);
        if let (Some(l), Some(v)) = (a.checked_sub(L_BASE), b.checked_sub(V_BASE)) {
            if l < L_COUNT && v < V_COUNT {
                return char::from_u32(S_BASE + (l * V_COUNT + v) * T_COUNT);
            }
        }
        if let (Some(s), Some(t)) = (a.checked_sub(S_BASE), b.checked_sub(T_BASE)) {
            if s < S_COUNT && s % T_COUNT == 0 && (1..T_COUNT).contains(&t) {
                return char::from_u32(a + t);
            }
        }
        let key = u64::from(a) << 42 | u64::from(b) << 21;
        let i = self.compositions.partition_point(|&e| e < key);
        let e = *self.compositions.get(i)?;
        if e >> 21 != key >> 21 {
            return None;
        }
        char::from_u32((e & 0x1F_FFFF) as u32)
    }

    /// Unpacks `nfc.bin` (the format is described in `tools/nfc-data/src/derive.rs`).
    fn decode(data: &[u8]) -> Option<Tables> {
        let mut r = Reader::new(data);

        // Classes: runs of (start, end exclusive, class).
        let n = r.varint_usize()?;
        let gaps = r.varints_u32(n)?;
        let lens = r.varints_u32(n)?;
        let mut runs: Vec<(u32, u32, u8)> = Vec::with_capacity(n);
        let mut end = 0u32;
        for (&gap, &len) in gaps.iter().zip(&lens) {
            let start = end.checked_add(gap)?;
            end = start.checked_add(len)?.checked_add(1)?;
            runs.push((start, end, r.byte()?));
        }
        let class = |cp: u32| {
            let i = runs.partition_point(|run| run.1 <= cp);
            runs.get(i).filter(|run| run.0 <= cp).map_or(0, |run| run.2)
        };

        // One-step decompositions: (code point, first, second), sorted.
        let d = r.varint_usize()?;
        let mut raw: Vec<(u32, u32, Option<u32>)> = Vec::with_capacity(d);
        let mut next = 0u32;
        for gap in r.varints_u32(d)? {
            let cp = next.checked_add(gap)?;
            raw.push((cp, 0, None));
            next = cp.checked_add(1)?;
        }
        let mut first = 0i64;
        for entry in &mut raw {
            let z = i64::from(r.varint_u32()?);
            first += if z & 1 == 1 { -(z >> 1) - 1 } else { z >> 1 };
            entry.1 = u32::try_from(first).ok()?;
        }
        let a = r.varint_usize()?;
        let mut alphabet = Vec::with_capacity(a);
        let mut second = 0u32;
        for gap in r.varints_u32(a)? {
            second = second.checked_add(gap)?;
            alphabet.push(second);
        }
        for entry in &mut raw {
            entry.2 = match r.byte()? {
                0 => None,
                i => Some(*alphabet.get(usize::from(i) - 1)?),
            };
        }
        let mut excluded = vec![false; d];
        let mut next = 0usize;
        let e = r.varint_usize()?;
        for gap in r.varints_u32(e)? {
            let i = next.checked_add(gap as usize)?;
            *excluded.get_mut(i)? = true;
            next = i + 1;
        }
        if r.at != data.len() {
            return None;
        }

        let hangul_t = T_BASE + 1..T_BASE + T_COUNT;
        let last = runs
            .iter()
            .map(|run| run.1)
            .chain(raw.iter().map(|e| e.0 + 1))
            .chain(alphabet.iter().map(|&b| b + 1))
            .chain([hangul_t.end])
            .max()?;
        let mut t = Tables {
            index: vec![0; (last as usize).div_ceil(BLOCK)],
            blocks: vec![0; BLOCK],
            pool: Vec::new(),
            compositions: Vec::new(),
        };
        for &(start, end, ccc) in &runs {
            for cp in start..end {
                t.set(cp, u32::from(ccc))?;
            }
        }
        // The compositions first: what may compose with the character before is known when
        // the decompositions are entered.
        let excluded: Vec<bool> = raw
            .iter()
            .zip(excluded)
            .map(|(e, x)| e.2.is_none() || x)
            .collect();
        for (&(cp, a, b), _) in raw.iter().zip(&excluded).filter(|(_, &x)| !x) {
            let b = b?;
            t.set(b, QC_MAYBE)?;
            t.compositions
                .push(u64::from(a) << 42 | u64::from(b) << 21 | u64::from(cp));
        }
        for cp in (V_BASE..V_BASE + V_COUNT).chain(hangul_t) {
            t.set(cp, QC_MAYBE)?;
        }
        let mut full: Vec<(char, u8)> = Vec::new();
        for (&(cp, a, b), &excluded) in raw.iter().zip(&excluded) {
            full.clear();
            expand(&raw, a, &mut full, 0)?;
            if let Some(b) = b {
                expand(&raw, b, &mut full, 0)?;
            }
            for e in &mut full {
                e.1 = class(e.0 as u32);
            }
            canonical_order(&mut full);
            let start = u32::try_from(t.pool.len()).ok()?;
            let len = u32::try_from(full.len()).ok().filter(|&n| n < 8)?;
            t.pool.extend(full.iter().map(|e| e.0));
            // A decomposition that begins with a character that may compose with the one
            // before makes its character do so too (Tulu-Tigalari, Gurung Khema, Kirat Rai since
            // Unicode 16), although its NFC_Quick_Check is Yes.
            let qc = if excluded {
                QC_NO
            } else {
                t.entry(full.first()?.0) & QC_MAYBE
            };
            t.set(cp, qc | len << LEN_SHIFT | start << START_SHIFT)?;
        }
        t.compositions.sort_unstable();
        Some(t)
    }

    /// Adds `bits` to the entry of `cp`.
    fn set(&mut self, cp: u32, bits: u32) -> Option<()> {
        let slot = self.index.get_mut(cp as usize / BLOCK)?;
        if *slot == 0 {
            *slot = u16::try_from(self.blocks.len() / BLOCK).ok()?;
            self.blocks.resize(self.blocks.len() + BLOCK, 0);
        }
        *self
            .blocks
            .get_mut(usize::from(*slot) * BLOCK + cp as usize % BLOCK)? |= bits;
        Some(())
    }
}

/// Appends the full decomposition of `cp` to `out` (classes left 0), given the one-step ones.
fn expand(
    raw: &[(u32, u32, Option<u32>)],
    cp: u32,
    out: &mut Vec<(char, u8)>,
    depth: u8,
) -> Option<()> {
    if depth > 8 {
        return None;
    }
    match raw.binary_search_by_key(&cp, |e| e.0) {
        Ok(i) => {
            let &(_, a, b) = raw.get(i)?;
            expand(raw, a, out, depth + 1)?;
            if let Some(b) = b {
                expand(raw, b, out, depth + 1)?;
            }
        }
        Err(_) => out.push((char::from_u32(cp)?, 0)),
    }
    Some(())
}

/// Canonical ordering: sorts each run of non-starters by class, stably.
fn canonical_order(chars: &mut [(char, u8)]) {
    for run in chars.split_mut(|&(_, ccc)| ccc == 0) {
        sort_run(run);
    }
}

/// Sorts a run of non-starters by class, stably.
fn sort_run(run: &mut [(char, u8)]) {
    if run.len() <= 8 {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 && run.get(j - 1).map(|e| e.1) > run.get(j).map(|e| e.1) {
                run.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    // Long runs (only in crafted text): one pass per class present, linear in the length.
    let mut present = [false; 256];
    for &(_, ccc) in run.iter() {
        present[usize::from(ccc)] = true;
    }
    let mut sorted = Vec::with_capacity(run.len());
    for class in (0..=255u8).filter(|&c| present[usize::from(c)]) {
        sorted.extend(run.iter().filter(|e| e.1 == class));
    }
    run.copy_from_slice(&sorted);
}

/// The generator's derivation of `nfc.bin`, run again by the tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../../tools/nfc-data/src/derive.rs"]
mod derive;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_rng::XorShift;
    use icu_normalizer::properties::CanonicalCombiningClassMapBorrowed;
    use icu_normalizer::ComposingNormalizerBorrowed;
    use std::path::{Path, PathBuf};

    /// Every Unicode scalar value.
    fn scalars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    /// Our NFC and quick check against `icu_normalizer`'s on `s` ([`is_nfc`] is whether
    /// [`nfc`] borrows).
    fn check(icu: &ComposingNormalizerBorrowed<'_>, s: &str) {
        let ours = nfc(s);
        assert_eq!(
            ours,
            icu.normalize(s),
            "NFC of {:X?}",
            s.chars().collect::<Vec<_>>()
        );
        assert_eq!(
            matches!(ours, Cow::Borrowed(_)),
            icu.is_normalized(s),
            "is NFC: {s:?}"
        );
    }

    /// `nfc.bin` is what `tools/nfc-data` derives from the `icu_normalizer` of Cargo.lock.
    #[test]
    fn data_is_derived_from_icu4x() {
        assert!(
            derive::packed() == DATA,
            "src/unicode/nfc.bin is stale: run \
             `cargo run --release --manifest-path tools/nfc-data/Cargo.toml`"
        );
    }

    /// Each code point alone: NFC, the quick check and the combining class.
    #[test]
    fn every_code_point_alone() {
        let icu = ComposingNormalizerBorrowed::new_nfc();
        let ccc = CanonicalCombiningClassMapBorrowed::new();
        let mut buf = [0u8; 4];
        for c in scalars() {
            let s = c.encode_utf8(&mut buf);
            check(&icu, s);
            assert_eq!(is_nfc(s), icu.is_normalized(s), "is_nfc({c:?})");
            assert_eq!(canonical_combining_class(c), ccc.get_u8(c), "ccc {c:?}");
        }
    }

    /// Each code point followed by combining marks of several classes, a starter that composes
    /// with the one before (Oriya) and Hangul jamo. One string per code point, the pairs apart
    /// (a space composes with nothing).
    #[test]
    fn every_code_point_before_marks_and_jamo() {
        let icu = ComposingNormalizerBorrowed::new_nfc();
        let after = [
            '\u{0301}', '\u{0323}', '\u{0345}', '\u{0338}', '\u{0F72}', '\u{3099}', '\u{0B3E}',
            '\u{1161}', '\u{11A8}',
        ];
        let mut s = String::new();
        for c in scalars() {
            s.clear();
            for &m in &after {
                s.extend([c, m, ' ']);
            }
            check(&icu, &s);
        }
    }

    /// Each code point after starters that compose (Latin, Hangul L, Oriya, Tulu-Tigalari,
    /// Gurung Khema), a Hangul LV syllable and a combining mark of class 1.
    #[test]
    fn every_code_point_after_starters_and_marks() {
        let icu = ComposingNormalizerBorrowed::new_nfc();
        let before = [
            'a',
            '\u{1100}',
            '\u{AC00}',
            '\u{0B47}',
            '\u{0334}',
            '\u{113C2}',
            '\u{1611E}',
        ];
        let mut s = String::new();
        for c in scalars() {
            s.clear();
            for &b in &before {
                s.extend([b, c, ' ']);
            }
            check(&icu, &s);
        }
    }

    /// The segments of `normalize_into` may start at any starter with NFC_Quick_Check=Yes:
    /// the full decomposition of none begins with a character that composes with one before.
    #[test]
    fn inert_starters_do_not_compose_backwards() {
        let t = tables();
        for c in scalars() {
            let entry = t.entry(c);
            let len = ((entry >> LEN_SHIFT) & 7) as usize;
            if entry & NOT_INERT != 0 || len == 0 {
                continue;
            }
            let start = (entry >> START_SHIFT) as usize;
            let first = t.pool[start];
            assert_eq!(t.entry(first) & NOT_INERT, 0, "{c:?} starts with {first:?}");
        }
    }

    /// Where the crate's NormalizationTest.txt is: in the registry's copy of the locked
    /// `icu_normalizer`, else wherever `cargo metadata` says the crate is.
    fn normalization_test_txt() -> PathBuf {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
        let version = lock
            .split("[[package]]")
            .find(|p| p.contains("\nname = \"icu_normalizer\"\n"))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
            .expect("icu_normalizer in Cargo.lock")
            .trim_matches('"')
            .to_owned();
        let crate_dir = format!("icu_normalizer-{version}");
        let file = Path::new("tests/data/NormalizationTest.txt");
        let cargo_home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
        if let Some(home) = cargo_home {
            if let Ok(dirs) = std::fs::read_dir(home.join("registry/src")) {
                for dir in dirs.flatten() {
                    let path = dir.path().join(&crate_dir).join(file);
                    if path.is_file() {
                        return path;
                    }
                }
            }
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let output = std::process::Command::new(cargo)
            .args(["metadata", "--format-version", "1"])
            .current_dir(root)
            .output()
            .expect("cargo metadata");
        let meta: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("cargo metadata's JSON");
        let manifest = meta["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == "icu_normalizer" && p["version"] == version.as_str())
            .and_then(|p| p["manifest_path"].as_str())
            .unwrap_or_else(|| panic!("{crate_dir} not found by cargo metadata"));
        let path = Path::new(manifest)
            .parent()
            .expect("crate directory")
            .join(file);
        assert!(path.is_file(), "{} is missing", path.display());
        path
    }

    /// Unicode's conformance file (NormalizationTest.txt of Unicode 18.0, shipped in the
    /// `icu_normalizer` crate): c2 = NFC(c1) = NFC(c2) = NFC(c3), c4 = NFC(c4) = NFC(c5), and
    /// every code point Part 1 does not list is its own NFC.
    #[test]
    fn normalization_test_txt_conformance() {
        let path = normalization_test_txt();
        let text = std::fs::read_to_string(&path).expect("NormalizationTest.txt");
        assert!(
            text.starts_with("# NormalizationTest-18."),
            "{}",
            path.display()
        );
        let parse = |field: &str| -> String {
            field
                .split(' ')
                .map(|h| {
                    let cp = u32::from_str_radix(h, 16).expect("hex");
                    char::from_u32(cp).expect("scalar value")
                })
                .collect()
        };
        let (mut part, mut lines) = (String::new(), 0);
        let mut part1 = std::collections::HashSet::new();
        for line in text.lines() {
            if line.starts_with('@') {
                part = line.to_owned();
                continue;
            }
            let line = line.split('#').next().unwrap_or("");
            if line.trim().is_empty() {
                continue;
            }
            let cols: Vec<String> = line.split(';').take(5).map(parse).collect();
            let [c1, c2, c3, c4, c5] = cols.as_slice() else {
                panic!("bad line: {line}");
            };
            for (source, expected) in [(c1, c2), (c2, c2), (c3, c2), (c4, c4), (c5, c4)] {
                assert_eq!(nfc(source), expected.as_str(), "{part}: {line}");
            }
            assert!(is_nfc(c2) && is_nfc(c4), "{part}: {line}");
            if part.starts_with("@Part1") {
                part1.insert(c1.chars().next().expect("one character"));
            }
            lines += 1;
        }
        assert!(lines > 19_000, "{lines} test lines");
        assert!(part1.len() > 10_000, "{} Part 1 characters", part1.len());
        let mut buf = [0u8; 4];
        for c in scalars().filter(|c| !part1.contains(c)) {
            let s = c.encode_utf8(&mut buf);
            assert!(matches!(nfc(s), Cow::Borrowed(_)), "{c:?}");
        }
    }

    /// A character for the random strings.
    fn random_char(rng: &mut XorShift) -> char {
        const BASES: &[char] = &[
            'a',
            'e',
            'o',
            'u',
            'A',
            'E',
            'O',
            'C',
            's',
            'n',
            'z',
            'ø',
            'α',
            'ω',
            'Ω',
            'ι',
            'е',
            'и',
            'ɛ',
            '\u{0B47}',
            '\u{0CC6}',
            '\u{0DD9}',
            '\u{1025}',
            '\u{304B}',
            '\u{30CF}',
            '\u{05D0}',
            '\u{0627}',
            '\u{0915}',
            '\u{1E63}',
            '\u{00E9}',
            '\u{1EB9}',
            '\u{212B}',
            '\u{2126}',
            '\u{F900}',
            '\u{2F800}',
            '\u{0958}',
            '\u{FB1D}',
            '\u{1D15E}',
            '\u{0344}',
            '\u{0F73}',
            '\u{1F80}',
            '\u{0340}',
            '\u{037E}',
            '\u{2000}',
        ];
        const MARKS: &[char] = &[
            '\u{0323}',
            '\u{0327}',
            '\u{0328}',
            '\u{0334}',
            '\u{0338}',
            '\u{0345}',
            '\u{05B0}',
            '\u{05BC}',
            '\u{0655}',
            '\u{093C}',
            '\u{0B3E}',
            '\u{0B56}',
            '\u{0B57}',
            '\u{0CD5}',
            '\u{0DCF}',
            '\u{0F71}',
            '\u{0F72}',
            '\u{0F80}',
            '\u{102E}',
            '\u{1D165}',
            '\u{1D16E}',
            '\u{3099}',
            '\u{309A}',
            '\u{0315}',
            '\u{031B}',
            '\u{035C}',
            '\u{0360}',
            '\u{1DCE}',
            '\u{20D2}',
            '\u{FE20}',
        ];
        match rng.below(100) {
            0..=24 => char::from(b' ' + rng.below(95) as u8),
            25..=44 => *rng.pick(BASES),
            45..=59 => char::from_u32(0x300 + rng.below(0x70) as u32).unwrap_or('x'),
            60..=69 => *rng.pick(MARKS),
            70..=74 => char::from_u32(L_BASE + rng.below(20) as u32).unwrap_or('x'),
            75..=79 => char::from_u32(V_BASE + rng.below(22) as u32).unwrap_or('x'),
            80..=84 => char::from_u32(T_BASE + rng.below(29) as u32).unwrap_or('x'),
            85..=89 => char::from_u32(S_BASE + rng.below(S_COUNT as usize) as u32).unwrap_or('x'),
            90..=94 => char::from_u32(0xC0 + rng.below(0x2000) as u32).unwrap_or('x'),
            _ => loop {
                if let Some(c) = char::from_u32(rng.below(0x110000) as u32) {
                    break c;
                }
            },
        }
    }

    /// 100,000 random strings of up to 24 characters: ASCII, Latin, Greek and other letters
    /// that compose or decompose, combining marks, Hangul jamo and syllables, any code point.
    #[test]
    fn random_strings() {
        let icu = ComposingNormalizerBorrowed::new_nfc();
        let mut rng = XorShift(0x5EED_4E46_4300);
        let mut s = String::new();
        for _ in 0..100_000 {
            s.clear();
            let len = rng.below(25);
            for _ in 0..len {
                s.push(random_char(&mut rng));
            }
            check(&icu, &s);
        }
    }

    /// Long runs of combining marks (the linear sort) and long text around them.
    #[test]
    fn long_runs_of_marks() {
        let icu = ComposingNormalizerBorrowed::new_nfc();
        let mut rng = XorShift(0x4C4F_4E47);
        let marks = [
            '\u{0301}', '\u{0323}', '\u{0345}', '\u{0334}', '\u{05B0}', '\u{0F72}',
        ];
        for round in 0..200 {
            let mut s: String = "Ae".repeat(round);
            for _ in 0..rng.below(2_000) {
                if rng.chance(2) {
                    s.push(random_char(&mut rng));
                } else {
                    s.push(*rng.pick(&marks));
                }
            }
            s.push_str("\u{1100}\u{1161}\u{11A8} end");
            check(&icu, &s);
        }
    }
}
