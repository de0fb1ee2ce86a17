//! The UTS #46 mapping and the IDNA properties, from `uts46.bin` (made by
//! `tools/idna-tables`, whose `generate.rs` describes the format), unpacked on first use into
//! sorted runs that a binary search reads.

use std::sync::OnceLock;

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

/// A mapping run kind (the file's tags).
const VALID: u8 = 0;
const DISALLOWED: u8 = 1;
const IGNORED: u8 = 2;
const DELTA: u8 = 3;
const STRINGS: u8 = 4;
const ALTERNATING: u8 = 5;

/// The unpacked tables.
struct Tables {
    /// The first code point of each mapping run.
    map_starts: Vec<u32>,
    /// Each mapping run's kind and its number: the delta (as `i32` bits) or the index of the
    /// run's first string.
    map_runs: Vec<(u8, u32)>,
    /// The mapping strings.
    strings: Vec<&'static str>,
    /// The first code point of each property run.
    prop_starts: Vec<u32>,
    /// Each property run's value.
    prop_values: Vec<u8>,
}

/// Reads LEB128 varints.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.data.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
}

/// Unpacks [`DATA`]; `None` if it is malformed (the tests check it is not).
fn unpack(data: &'static [u8]) -> Option<Tables> {
    let mut r = Reader { data, at: 0 };
    if r.bytes(6)? != b"UTS46\x01" {
        return None;
    }
    let n = usize::try_from(r.varint()?).ok()?;
    let mut t = Tables {
        map_starts: Vec::with_capacity(n),
        map_runs: Vec::with_capacity(n),
        strings: Vec::new(),
        prop_starts: Vec::new(),
        prop_values: Vec::new(),
    };
    let mut start = 0u32;
    let mut string = 0u32;
    for _ in 0..n {
        let header = r.varint()?;
        let kind = (header & 7) as u8;
        let len = u32::try_from(header >> 3).ok()?.checked_add(1)?;
        let number = match kind {
            DELTA => {
                let z = r.varint()?;
                let delta = i64::try_from(z >> 1).ok()? ^ -((z & 1) as i64);
                i32::try_from(delta).ok()? as u32
            }
            STRINGS => {
                let first = string;
                string = string.checked_add(len)?;
                first
            }
            VALID | DISALLOWED | IGNORED | ALTERNATING => 0,
            _ => return None,
        };
        t.map_starts.push(start);
        t.map_runs.push((kind, number));
        start = start.checked_add(len)?;
    }
    let m = usize::try_from(r.varint()?).ok()?;
    t.strings.reserve(m);
    for _ in 0..m {
        let len = usize::from(r.byte()?);
        t.strings.push(std::str::from_utf8(r.bytes(len)?).ok()?);
    }
    if t.strings.len() != string as usize {
        return None;
    }
    let p = usize::try_from(r.varint()?).ok()?;
    let mut start = 0u32;
    for _ in 0..p {
        let header = r.varint()?;
        t.prop_starts.push(start);
        t.prop_values.push((header & 0x7f) as u8);
        start = start.checked_add(u32::try_from(header >> 7).ok()?.checked_add(1)?)?;
    }
    Some(t)
}

/// The tables, unpacked on first use (empty if the data were malformed: then every code point
/// is disallowed).
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        unpack(DATA).unwrap_or(Tables {
            map_starts: Vec::new(),
            map_runs: Vec::new(),
            strings: Vec::new(),
            prop_starts: Vec::new(),
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
    let Some(i) = t.map_starts.partition_point(|&s| s <= cp).checked_sub(1) else {
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
    t.prop_starts
        .partition_point(|&s| s <= cp)
        .checked_sub(1)
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
