//! Decoding UTF-16 LE/BE and Windows-1252 to UTF-8, exactly as the WHATWG Encoding Standard
//! says (the decoders of a browser's `TextDecoder`; malformed input becomes U+FFFD), in a few
//! dozen lines instead of `encoding_rs`'s every-encoding dispatch, which cost ~156 KB gzip in
//! the `.wasm`. `encoding_rs` stays the reference: the tests compare the two on every byte and
//! on random byte strings cut into random chunks.

use super::dialect::Encoding;

/// Windows-1252's bytes 0x80–0x9F (WHATWG's index-windows-1252; 0xA0–0xFF are U+00A0–U+00FF).
const WINDOWS_1252_80: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// A streaming decoder to UTF-8 (the byte order mark already skipped). UTF-8 itself is passed
/// through unchanged.
pub(crate) struct Decoder {
    encoding: Encoding,
    /// UTF-16: the first byte of a code unit.
    half: Option<u8>,
    /// UTF-16: a lead surrogate waiting for its trail.
    lead: Option<u16>,
}

fn push(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

impl Decoder {
    /// A decoder of `encoding`.
    pub(crate) fn new(encoding: Encoding) -> Decoder {
        Decoder {
            encoding,
            half: None,
            lead: None,
        }
    }

    /// Appends the UTF-8 of `bytes` to `out`; `last` ends the input (an unfinished character
    /// becomes one U+FFFD).
    pub(crate) fn decode(&mut self, bytes: &[u8], last: bool, out: &mut Vec<u8>) {
        match self.encoding {
            Encoding::Utf8 => out.extend_from_slice(bytes),
            Encoding::Windows1252 => {
                for &b in bytes {
                    match b {
                        0x00..=0x7f => out.push(b),
                        0x80..=0x9f => push(out, WINDOWS_1252_80[usize::from(b - 0x80)]),
                        _ => push(out, char::from(b)),
                    }
                }
            }
            Encoding::Utf16Le | Encoding::Utf16Be => {
                for &b in bytes {
                    let Some(first) = self.half.take() else {
                        self.half = Some(b);
                        continue;
                    };
                    let unit = if self.encoding == Encoding::Utf16Le {
                        u16::from_le_bytes([first, b])
                    } else {
                        u16::from_be_bytes([first, b])
                    };
                    self.unit(unit, out);
                }
                if last && (self.half.take().is_some() | self.lead.take().is_some()) {
                    push(out, char::REPLACEMENT_CHARACTER);
                }
            }
        }
    }

    fn unit(&mut self, unit: u16, out: &mut Vec<u8>) {
        if let Some(lead) = self.lead.take() {
            if (0xdc00..=0xdfff).contains(&unit) {
                let c = 0x10000 + ((u32::from(lead) - 0xd800) << 10) + (u32::from(unit) - 0xdc00);
                push(
                    out,
                    char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER),
                );
                return;
            }
            // An unpaired lead: an error, and the unit is read again on its own.
            push(out, char::REPLACEMENT_CHARACTER);
        }
        match unit {
            0xd800..=0xdbff => self.lead = Some(unit),
            0xdc00..=0xdfff => push(out, char::REPLACEMENT_CHARACTER),
            _ => push(
                out,
                char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER),
            ),
        }
    }
}

/// A whole input (without its byte order mark) decoded to text.
pub(crate) fn decode_all(bytes: &[u8], encoding: Encoding) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    Decoder::new(encoding).decode(bytes, true, &mut out);
    match String::from_utf8(out) {
        Ok(s) => s,
        // Only UTF-8 input passes through unchecked.
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::test_rng::XorShift;

    fn reference(bytes: &[u8], e: Encoding) -> String {
        let whatwg = match e {
            Encoding::Utf8 => encoding_rs::UTF_8,
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252,
        };
        whatwg.decode_without_bom_handling(bytes).0.into_owned()
    }

    fn chunked(bytes: &[u8], e: Encoding, rng: &mut XorShift) -> String {
        let mut d = Decoder::new(e);
        let mut out = Vec::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            let n = rng.below(rest.len() + 1).max(1);
            let (a, b) = rest.split_at(n);
            d.decode(a, false, &mut out);
            rest = b;
        }
        d.decode(&[], true, &mut out);
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn every_windows_1252_byte_as_encoding_rs() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(
            decode_all(&all, Encoding::Windows1252),
            reference(&all, Encoding::Windows1252)
        );
    }

    #[test]
    fn random_bytes_in_random_chunks_as_encoding_rs() {
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        for e in [Encoding::Utf16Le, Encoding::Utf16Be, Encoding::Windows1252] {
            for _ in 0..20_000 {
                let len = rng.below(24);
                // Surrogate-heavy input: bytes 0xd8-0xdf often.
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        if rng.chance(30) {
                            0xd8 + rng.below(8) as u8
                        } else {
                            rng.next() as u8
                        }
                    })
                    .collect();
                let want = reference(&bytes, e);
                assert_eq!(decode_all(&bytes, e), want, "{e:?} {bytes:x?}");
                assert_eq!(
                    chunked(&bytes, e, &mut rng),
                    want,
                    "{e:?} {bytes:x?} in chunks"
                );
            }
        }
    }
}
