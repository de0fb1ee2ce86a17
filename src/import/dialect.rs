//! Spreadsheet dialects: the text encoding of a file and the delimiter of its cells.
//!
//! **Encodings.** A byte order mark says UTF-8, UTF-16 LE (Excel's "Unicode Text") or UTF-16 BE;
//! without one, the file is UTF-8 when its first [`HEAD_BYTES`] bytes are UTF-8, else
//! Windows-1252 (Excel's plain "CSV" on Windows, Outlook's export). UTF-16 and Windows-1252 are
//! decoded as the WHATWG Encoding Standard says (the decoders of a browser's `TextDecoder`,
//! with the same labels, [`Encoding::label`]), held to `encoding_rs` by the tests.
//!
//! **Delimiters.** `,` `;` tab `|`: the one that splits the first rows of the file (quotes
//! respected) into the same number of cells most often wins; ties go to that order.
//!
//! # Example
//! ```
//! use contact_rules::import::dialect::{detect_delimiter, detect_encoding, Encoding};
//! assert_eq!(detect_encoding(b"\xff\xfeF\x00", true), (Encoding::Utf16Le, 2));
//! assert_eq!(detect_encoding("Prénom".as_bytes(), true), (Encoding::Utf8, 0));
//! assert_eq!(detect_encoding(b"Pr\xe9nom", true), (Encoding::Windows1252, 0));
//! assert_eq!(detect_delimiter("Vorname;Nachname;E-Mail\nJane;Doe;jane@acme.de\n", true), b';');
//! ```

use serde::Serialize;

/// How many bytes of the file's start decide its encoding and delimiter (64 KiB).
pub const HEAD_BYTES: usize = 64 * 1024;

/// The delimiters detected, in the order that breaks ties.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many rows of the file's start the delimiter detection looks at.
const DELIMITER_ROWS: usize = 50;

/// A text encoding of spreadsheet files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    /// UTF-8 (with or without a byte order mark).
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-16 little-endian (Excel's "Unicode Text").
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16 big-endian.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Windows-1252 (Western European "ANSI").
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    /// The WHATWG label: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252` (what `TextDecoder`
    /// takes).
    pub const fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// The encoding of a label, as a user may type it (`utf8`, `UTF-16LE`, `cp1252`, `latin1`:
    /// in WHATWG terms ISO-8859-1 is Windows-1252).
    pub fn parse(label: &str) -> Option<Encoding> {
        let l = label.trim().to_ascii_lowercase().replace('_', "-");
        Some(match l.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf-16le" | "utf16le" | "utf-16" | "utf16" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "windows-1252" | "cp1252" | "1252" | "latin1" | "latin-1" | "iso-8859-1" | "ansi" => {
                Encoding::Windows1252
            }
            _ => return None,
        })
    }

    /// The byte order mark of this encoding.
    pub const fn bom(self) -> &'static [u8] {
        match self {
            Encoding::Utf8 => b"\xef\xbb\xbf",
            Encoding::Utf16Le => b"\xff\xfe",
            Encoding::Utf16Be => b"\xfe\xff",
            Encoding::Windows1252 => b"",
        }
    }
}

/// The encoding of a file from its first bytes (`complete`: `head` is the whole file), and the
/// length of its byte order mark.
pub fn detect_encoding(head: &[u8], complete: bool) -> (Encoding, usize) {
    for e in [Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be] {
        if head.starts_with(e.bom()) {
            return (e, e.bom().len());
        }
    }
    let whole = complete && head.len() <= HEAD_BYTES;
    let head = head.get(..HEAD_BYTES).unwrap_or(head);
    match std::str::from_utf8(head) {
        Ok(_) => (Encoding::Utf8, 0),
        // Cut in the middle of a character at the end of the head: still UTF-8.
        Err(e) if e.error_len().is_none() && !whole => (Encoding::Utf8, 0),
        Err(_) => (Encoding::Windows1252, 0),
    }
}

/// The length of `encoding`'s byte order mark at the start of `head` (0 when there is none).
pub fn bom_len(head: &[u8], encoding: Encoding) -> usize {
    let bom = encoding.bom();
    if !bom.is_empty() && head.starts_with(bom) {
        bom.len()
    } else {
        0
    }
}

/// Decodes bytes (skipping the encoding's byte order mark) to text, malformed sequences as
/// U+FFFD, as `TextDecoder` does (for the delimiter detection; rows of a UTF-8 file are taken
/// as bytes, so that bad bytes are reported, not replaced).
pub fn decode(bytes: &[u8], encoding: Encoding) -> String {
    let bytes = bytes.get(bom_len(bytes, encoding)..).unwrap_or_default();
    super::decode::decode_all(bytes, encoding)
}

/// The delimiter of a CSV file from its first text (`complete`: the text is the whole file):
/// for each of [`DELIMITERS`], the rows (quotes respected; blank lines skipped; the last row
/// left out when the text is cut) are split into cells, and the count of cells (at least 2)
/// that the most rows share is found; the delimiter with the most such rows wins, ties going
/// to the order of [`DELIMITERS`]. A file with no delimiter at all is read with `,`.
pub fn detect_delimiter(text: &str, complete: bool) -> u8 {
    let mut best = (0usize, b',');
    for d in DELIMITERS {
        let counts = cell_counts(text, d, complete);
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for c in counts.into_iter().filter(|&c| c >= 2) {
            match tally.iter_mut().find(|(x, _)| *x == c) {
                Some((_, n)) => *n += 1,
                None => tally.push((c, 1)),
            }
        }
        let rows = tally.iter().map(|&(_, n)| n).max().unwrap_or(0);
        if rows > best.0 {
            best = (rows, d);
        }
    }
    best.1
}

/// The number of cells in each of the first rows of `text` with delimiter `d`.
fn cell_counts(text: &str, d: u8, complete: bool) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut cells = 1usize;
    let mut quoted = false;
    let mut seen = false;
    for &b in text.as_bytes() {
        if counts.len() >= DELIMITER_ROWS {
            return counts;
        }
        if quoted {
            if b == b'"' {
                quoted = false;
            }
            continue;
        }
        match b {
            b'"' => {
                quoted = true;
                seen = true;
            }
            b'\n' | b'\r' => {
                if seen {
                    counts.push(cells);
                }
                cells = 1;
                seen = false;
            }
            _ if b == d => {
                cells += 1;
                seen = true;
            }
            _ => seen = true,
        }
    }
    if seen && complete {
        counts.push(cells);
    }
    counts
}

/// A delimiter as a user may give it: one ASCII character, or `tab`, `comma`, `semicolon`,
/// `pipe`, `\t`.
pub fn parse_delimiter(s: &str) -> Option<u8> {
    Some(match s.to_ascii_lowercase().as_str() {
        "tab" | "\\t" | "\t" => b'\t',
        "comma" => b',',
        "semicolon" => b';',
        "pipe" => b'|',
        _ => match s.as_bytes() {
            [b] if b.is_ascii_punctuation() || *b == b' ' => *b,
            _ => return None,
        },
    })
}

/// A delimiter's name for people: `','`, `';'`, `tab`, `'|'`.
pub fn delimiter_name(d: u8) -> String {
    match d {
        b'\t' => "tab".into(),
        _ => format!("{:?}", char::from(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(
            detect_encoding(b"\xef\xbb\xbfa,b", true),
            (Encoding::Utf8, 3)
        );
        assert_eq!(
            detect_encoding(b"\xfe\xff\x00a", true),
            (Encoding::Utf16Be, 2)
        );
        assert_eq!(detect_encoding(b"", true), (Encoding::Utf8, 0));
        // A head cut inside a character is still UTF-8; a whole file ending so is not.
        assert_eq!(
            detect_encoding("aé".as_bytes().get(..2).unwrap(), false).0,
            Encoding::Utf8
        );
        assert_eq!(
            detect_encoding("aé".as_bytes().get(..2).unwrap(), true).0,
            Encoding::Windows1252
        );
        for (label, e) in [
            ("UTF-8", Encoding::Utf8),
            ("utf16le", Encoding::Utf16Le),
            ("UTF-16BE", Encoding::Utf16Be),
            ("cp1252", Encoding::Windows1252),
            ("latin1", Encoding::Windows1252),
        ] {
            assert_eq!(Encoding::parse(label), Some(e));
            assert_eq!(Encoding::parse(e.label()), Some(e));
        }
        assert_eq!(Encoding::parse("ebcdic"), None);
    }

    #[test]
    fn decoding() {
        let text = "Prénom;Nom;Société\r\nZoë;Müller;Ça €\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let w: Vec<u8> = text
            .chars()
            .map(|c| match c {
                '€' => 0x80,
                c => u8::try_from(u32::from(c)).unwrap(),
            })
            .collect();
        for (bytes, e) in [
            (&le[..], Encoding::Utf16Le),
            (&be[..], Encoding::Utf16Be),
            (&w[..], Encoding::Windows1252),
        ] {
            assert_eq!(decode(bytes, e), text, "{e:?}");
        }
        // 0x81 is undefined in Windows-1252: WHATWG maps it to U+0081, as TextDecoder does.
        assert_eq!(decode(b"\x81\x80", Encoding::Windows1252), "\u{81}€");
        // A lone surrogate in UTF-16 becomes U+FFFD.
        assert_eq!(decode(b"\x00\xd8a\x00", Encoding::Utf16Le), "\u{fffd}a");
    }

    #[test]
    fn delimiters() {
        let cases: &[(&str, u8)] = &[
            ("a,b,c\n1,2,3\n", b','),
            ("a;b;c\n1;2,5;3\n4;5,5;6\n", b';'),
            ("a\tb\n1, x\t2\n", b'\t'),
            ("a|b\n1|2\n", b'|'),
            ("email\njane@acme.com\n", b','),
            ("", b','),
            // LinkedIn's notes before the header.
            (
                "Notes:\n\"When exporting, some emails may be missing, see https://x, y\"\n\nFirst Name,Last Name,URL\nJane,Doe,https://www.linkedin.com/in/jd\n",
                b',',
            ),
            // Quoted delimiters do not count.
            ("\"a;b\",c\n\"1;2\",3\n", b','),
        ];
        for (text, want) in cases {
            assert_eq!(detect_delimiter(text, true), *want, "{text:?}");
        }
        assert_eq!(parse_delimiter("tab"), Some(b'\t'));
        assert_eq!(parse_delimiter(";"), Some(b';'));
        assert_eq!(parse_delimiter("ab"), None);
        assert_eq!(delimiter_name(b'\t'), "tab");
        assert_eq!(delimiter_name(b';'), "';'");
    }
}
