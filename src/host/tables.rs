//! The UTS #46 mapping and the IDNA properties, from `uts46.bin` (made by
//! `tools/idna-tables`, whose `generate.rs` describes the format), unpacked on first use into
//! sorted runs that a binary search reads.

use std::sync::OnceLock;

use crate::table_reader::Reader;

/// The packed tables.
static DATA: &[u8] = include_bytes!("uts46.bin");

/// What UTS #46 (non-transitional) does with a code point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mapping {
    /// Kept (valid, or a deviation).
    Valid,
    /// Disallowed.
    Disallowed,
    /// Removed.
    Ignored,
    /// Replaced by one character.
    Char(char),
    /// Replaced by several characters (in NFC).
    Str(&'static str),
}

/// Mapping run kind (the file's tag): valid.
const VALID: u8 = 0;
/// Mapping run kind: disallowed.
const DISALLOWED: u8 = 1;
/// Mapping run kind: ignored.
const IGNORED: u8 = 2;
/// Mapping run kind: each code point mapped to itself plus the run's delta.
const DELTA: u8 = 3;
/// Mapping run kind: the code points mapped to consecutive strings of the string table.
const STRINGS: u8 = 4;
/// Mapping run kind: even offsets mapped to the next code point, odd ones valid.
const ALTERNATING: u8 = 5;

/// The unpacked tables.
struct Tables {
    /// The first code point of each mapping run.
    map_starts: Vec<u32>,
    /// For each block of 256 code points, the mapping run its first code point is in.
    map_blocks: Vec<u32>,
    /// Each mapping run's kind and its number: the delta (as `i32` bits) or the index of the
    /// run's first string.
    map_runs: Vec<(u8, u32)>,
    /// The mapping strings.
    strings: Vec<&'static str>,
    /// The first code point of each property run.
    prop_starts: Vec<u32>,
    /// For each block of 256 code points, the property run its first code point is in.
    prop_blocks: Vec<u32>,
    /// Each property run's value.
    prop_values: Vec<u8>,
}

/// Unpacks [`DATA`]; `None` if it is malformed (the tests check it is not).
fn unpack(data: &'static [u8]) -> Option<Tables> {
    let mut r = Reader::new(data);
    if r.bytes(6)? != b"UTS46\x02" {
        return None;
    }
    let n = r.varint_usize()?;
    let mut t = Tables {
        map_starts: Vec::with_capacity(n),
        map_blocks: Vec::new(),
        map_runs: Vec::with_capacity(n),
        strings: Vec::new(),
        prop_starts: Vec::new(),
        prop_blocks: Vec::new(),
        prop_values: Vec::new(),
    };
    // The run headers; the deltas follow them.
    let mut lens = Vec::with_capacity(n);
    let mut start = 0u32;
    let mut string = 0u32;
    for _ in 0..n {
        let header = r.varint()?;
        let kind = (header & 7) as u8;
        let len = u32::try_from(header >> 3).ok()?.checked_add(1)?;
        let number = match kind {
            STRINGS => {
                let first = string;
                string = string.checked_add(len)?;
                first
            }
            VALID | DISALLOWED | IGNORED | ALTERNATING | DELTA => 0,
            _ => return None,
        };
        t.map_starts.push(start);
        t.map_runs.push((kind, number));
        lens.push(len);
        start = start.checked_add(len)?;
    }
    if start != 0x110000 {
        return None;
    }
    // Each delta run's first target, relative to the target after the previous run's last.
    let mut expected = 0i64;
    for ((kind, number), (&start, &len)) in
        t.map_runs.iter_mut().zip(t.map_starts.iter().zip(&lens))
    {
        if *kind == DELTA {
            let z = r.varint()?;
            let first = expected + (i64::try_from(z >> 1).ok()? ^ -((z & 1) as i64));
            *number = i32::try_from(first - i64::from(start)).ok()? as u32;
            expected = first + i64::from(len);
        }
    }
    let m = r.varint_usize()?;
    let string_lens = r.bytes(m)?;
    t.strings.reserve(m);
    for &len in string_lens {
        t.strings
            .push(std::str::from_utf8(r.bytes(usize::from(len))?).ok()?);
    }
    if t.strings.len() != string as usize {
        return None;
    }
    let p = r.varint_usize()?;
    let mut start = 0u32;
    for _ in 0..p {
        t.prop_starts.push(start);
        start = start.checked_add(r.varint_u32()?.checked_add(1)?)?;
    }
    t.prop_values.extend_from_slice(r.bytes(p)?);
    t.map_blocks = blocks(&t.map_starts);
    t.prop_blocks = blocks(&t.prop_starts);
    (r.at == data.len() && start == 0x110000).then_some(t)
}

/// For each block of 256 code points (and one past the last), the index of the run holding
/// the block's first code point.
fn blocks(starts: &[u32]) -> Vec<u32> {
    (0..=0x1100u32)
        .map(|b| {
            let i = starts.partition_point(|&s| s <= b << 8).saturating_sub(1);
            u32::try_from(i).unwrap_or(u32::MAX)
        })
        .collect()
}

/// The index of the run holding `cp`, searched between the runs of its block's first code
/// point and of the next block's.
fn find(starts: &[u32], blocks: &[u32], cp: u32) -> Option<usize> {
    let b = (cp >> 8) as usize;
    let lo = *blocks.get(b)? as usize;
    let hi = (*blocks.get(b + 1)? as usize)
        .saturating_add(1)
        .min(starts.len());
    let slice = starts.get(lo..hi)?;
    Some(lo + slice.partition_point(|&s| s <= cp).checked_sub(1)?)
}

/// The tables, unpacked on first use (empty if the data were malformed: then every code point
/// is disallowed).
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        unpack(DATA).unwrap_or(Tables {
            map_starts: Vec::new(),
            map_blocks: Vec::new(),
            map_runs: Vec::new(),
            strings: Vec::new(),
            prop_starts: Vec::new(),
            prop_blocks: Vec::new(),
            prop_values: Vec::new(),
        })
    })
}

/// The UTS #46 mapping of `c`.
pub(crate) fn mapping(c: char) -> Mapping {
    if c.is_ascii() {
        // ASCII is valid in the table (the deny lists of the callers refuse what they refuse),
        // upper case letters map to lower case (the tests check the table agrees).
        return if c.is_ascii_uppercase() {
            Mapping::Char(c.to_ascii_lowercase())
        } else {
            Mapping::Valid
        };
    }
    let t = tables();
    let cp = u32::from(c);
    let Some(i) = find(&t.map_starts, &t.map_blocks, cp) else {
        return Mapping::Disallowed;
    };
    let (Some(&start), Some(&(kind, number))) = (t.map_starts.get(i), t.map_runs.get(i)) else {
        return Mapping::Disallowed;
    };
    let offset = cp - start;
    match kind {
        VALID => Mapping::Valid,
        IGNORED => Mapping::Ignored,
        DELTA => char::from_u32(cp.wrapping_add(number)).map_or(Mapping::Disallowed, Mapping::Char),
        STRINGS => number
            .checked_add(offset)
            .and_then(|k| t.strings.get(k as usize))
            .map_or(Mapping::Disallowed, |s| Mapping::Str(s)),
        ALTERNATING if offset % 2 == 0 => {
            char::from_u32(cp + 1).map_or(Mapping::Disallowed, Mapping::Char)
        }
        ALTERNATING => Mapping::Valid,
        _ => Mapping::Disallowed,
    }
}

/// The packed property value of `c` (`generate.rs`: bidi + 8 * joining + 40 * mark).
fn property(c: char) -> u8 {
    let t = tables();
    let cp = u32::from(c);
    find(&t.prop_starts, &t.prop_blocks, cp)
        .and_then(|i| t.prop_values.get(i))
        .copied()
        .unwrap_or(7)
}

/// The Bidi_Class of a character, as far as the Bidi Rule distinguishes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bidi {
    /// L.
    L,
    /// R.
    R,
    /// AL.
    Al,
    /// AN.
    An,
    /// EN.
    En,
    /// NSM.
    Nsm,
    /// ES, CS, ET, ON or BN: allowed in the middle of any label.
    Neutral,
    /// Any other class.
    Other,
}

/// The Bidi_Class of `c` (meaningful for the characters UTS #46 lets into a label).
pub(crate) fn bidi(c: char) -> Bidi {
    match property(c) % 8 {
        0 => Bidi::L,
        1 => Bidi::R,
        2 => Bidi::Al,
        3 => Bidi::An,
        4 => Bidi::En,
        5 => Bidi::Nsm,
        6 => Bidi::Neutral,
        _ => Bidi::Other,
    }
}

/// The Joining_Type of a character, as far as the ContextJ rule distinguishes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Joining {
    /// U or C.
    Other,
    /// L.
    Left,
    /// R.
    Right,
    /// D.
    Dual,
    /// T.
    Transparent,
}

/// The Joining_Type of `c` (meaningful for the characters UTS #46 lets into a label).
pub(crate) fn joining(c: char) -> Joining {
    match property(c) % 40 / 8 {
        1 => Joining::Left,
        2 => Joining::Right,
        3 => Joining::Dual,
        4 => Joining::Transparent,
        _ => Joining::Other,
    }
}

/// Whether `c` is a mark (General_Category Mn, Mc or Me; meaningful for the characters UTS #46
/// lets into a label).
pub(crate) fn is_mark(c: char) -> bool {
    property(c) >= 40
}

#[cfg(test)]
mod tests {
    /// The committed data unpacks whole (every code point covered, nothing left over).
    #[test]
    fn data_unpacks() {
        let t = super::unpack(super::DATA).expect("uts46.bin unpacks");
        assert!(t.map_starts.len() > 4000 && t.strings.len() > 1000 && t.prop_values.len() > 1000);
    }
}
