//! A CSV file as payloads, fed chunk by chunk: what the npm package's bulk import runs, with
//! the command line's rules (the same detection, header search, mapping and rows as payloads;
//! `csv-core`, the `csv` crate's parser, for the cells).

use super::columns::{Mapping, Problem, Unmapped};
use super::dialect::{self, Encoding};
use super::{header_row, RowReader, HEADER_SEARCH_ROWS};
use crate::issue::{Code, FieldIssue, Issue};
use serde::Serialize;
use serde_json::Value;

/// Most columns a header may have.
pub const MAX_COLUMNS: usize = 65_536;

/// Extra cells a row may have beyond the header's columns before the rest is not kept (trailing
/// empty cells are fine; non-empty ones make the row `row_invalid`).
pub const EXTRA_CELLS: usize = 64;

/// How to read a CSV file: the command line's CSV flags.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The encoding; detected when `None`.
    pub encoding: Option<Encoding>,
    /// The delimiter; detected when `None`.
    pub delimiter: Option<u8>,
    /// `--columns exact`: headers are keys as written, no notes skipped.
    pub exact: bool,
    /// `--unmapped keep`.
    pub keep_unmapped: bool,
    /// `--map` pairs, in order.
    pub map: Vec<(String, String)>,
    /// Rows over this many bytes of cell data are `payload_too_large`.
    pub max_row_bytes: usize,
}

/// What the file's start told.
#[derive(Debug, Clone, Serialize)]
pub struct Dialect {
    /// The encoding used.
    pub encoding: Encoding,
    /// The delimiter used, as a one-character string.
    pub delimiter: String,
    /// Rows of notes before the header.
    pub skipped: usize,
    /// The mapping of the header.
    pub mapping: Mapping,
    /// The mapping as lines for people (as the command line prints it).
    pub report: String,
}

/// One row of the file, once the header is known.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// The row as a payload, to validate.
    Payload(Value),
    /// A row that cannot be read: its one issue.
    Invalid(Issue),
    /// A row over the size limit (its bytes were not kept).
    TooLarge,
}

/// Why a file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The mapping is ambiguous or a user mapping is wrong: say what you mean.
    Mapping(Vec<Problem>),
    /// The header row cannot be read.
    Header(String),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Mapping(p) => {
                let list: Vec<&str> = p.iter().map(|p| p.message.as_str()).collect();
                f.write_str(&list.join("\n"))
            }
            ImportError::Header(m) => f.write_str(m),
        }
    }
}

/// Turns the rows of one file into payloads: what [`Importer::push`] does to each row, apart,
/// so that the command line can do it on its worker threads.
#[derive(Debug, Clone)]
pub struct Converter {
    reader: RowReader,
    encoding: Encoding,
    columns_cap: usize,
}

impl Converter {
    /// The row as a payload, or its one issue.
    pub fn convert(&self, row: &CsvRow) -> Row {
        if row.too_large {
            return Row::TooLarge;
        }
        if row.too_many || row.ends.len() > self.columns_cap {
            return Row::Invalid(Issue::at(
                Vec::new(),
                FieldIssue::new(Code::RowInvalid).with_message(format!(
                    "This row has more than {} cells, far more than the header's columns.",
                    self.columns_cap
                )),
                None,
            ));
        }
        match self.reader.payload(&row.cells(), self.encoding) {
            Ok(p) => Row::Payload(p),
            Err(issue) => Row::Invalid(*issue),
        }
    }
}

/// A CSV file read chunk by chunk: [`Importer::push`] the bytes, then [`Importer::finish`].
pub struct Importer {
    settings: Settings,
    head: Vec<u8>,
    started: bool,
    decoder: Option<super::decode::Decoder>,
    core: csv_core::Reader,
    data: Vec<u8>,
    ends: Vec<usize>,
    outlen: usize,
    endlen: usize,
    too_large: bool,
    too_many: bool,
    columns_cap: usize,
    /// Rows read before the header was chosen.
    candidates: Vec<CsvRow>,
    dialect: Option<Dialect>,
    failed: Option<ImportError>,
    encoding: Encoding,
    delimiter: u8,
    /// Line ends read so far (CR, LF and CRLF each one, as an editor counts lines).
    lines: u64,
    /// The last byte read was a CR (a LF after it ends no other line).
    after_cr: bool,
    /// The line where the row being read starts, once it has started.
    row_line: Option<u64>,
    /// Rows as payloads, once the mapping is known.
    converter: Option<Converter>,
}

/// The line ends in `bytes` (CR, LF, CRLF), after a CR when `after_cr`; and whether `bytes`
/// ends with a CR.
fn line_ends(bytes: &[u8], mut after_cr: bool) -> (u64, bool) {
    // Most files end lines with LF alone: then a count the compiler vectorizes.
    if !bytes.contains(&b'\r') {
        let lf = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        let joined = u64::from(after_cr && bytes.first() == Some(&b'\n'));
        return (lf - joined, after_cr && bytes.is_empty());
    }
    let mut n = 0;
    for &b in bytes {
        match b {
            b'\r' => {
                n += 1;
                after_cr = true;
            }
            b'\n' => {
                if !after_cr {
                    n += 1;
                }
                after_cr = false;
            }
            _ => after_cr = false,
        }
    }
    (n, after_cr)
}

/// A row as read, before it becomes a payload ([`Converter::convert`]): its cells' bytes (UTF-8,
/// or a UTF-8 file's bytes as they are), capped at the row size limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    line: u64,
    /// The cells' bytes one after another, and where each cell ends.
    data: Vec<u8>,
    ends: Vec<usize>,
    too_large: bool,
    too_many: bool,
}

impl CsvRow {
    /// The 1-based line of the file where the row starts.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// About how much memory the row holds.
    pub fn weight(&self) -> usize {
        self.data.len() + self.ends.len() * std::mem::size_of::<usize>()
    }

    fn cells(&self) -> Vec<&[u8]> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let cell = self.data.get(start..end).unwrap_or_default();
                start = end;
                cell
            })
            .collect()
    }

    fn lossy(&self) -> Vec<String> {
        if self.too_large || self.too_many {
            return Vec::new();
        }
        self.cells()
            .into_iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect()
    }
}

impl Importer {
    /// A new import with these settings.
    pub fn new(settings: Settings) -> Importer {
        Importer {
            settings,
            head: Vec::new(),
            started: false,
            decoder: None,
            core: csv_core::Reader::new(),
            data: Vec::new(),
            ends: Vec::new(),
            outlen: 0,
            endlen: 0,
            too_large: false,
            too_many: false,
            columns_cap: MAX_COLUMNS,
            candidates: Vec::new(),
            dialect: None,
            failed: None,
            encoding: Encoding::Utf8,
            delimiter: b',',
            lines: 0,
            after_cr: false,
            row_line: None,
            converter: None,
        }
    }

    /// The dialect and mapping, once the header has been read (also when the mapping has a
    /// problem: then [`Importer::push`] has returned the error).
    pub fn dialect(&self) -> Option<&Dialect> {
        self.dialect.as_ref()
    }

    /// Feeds the next bytes of the file; the rows they complete, in order, each with the line of
    /// the file where it starts (1-based; CR, LF and CRLF end lines, as in an editor).
    ///
    /// # Errors
    /// The file cannot be imported (an ambiguous mapping, a header that cannot be read).
    pub fn push(&mut self, bytes: &[u8]) -> Result<Vec<(u64, Row)>, ImportError> {
        let rows = self.feed(bytes, false)?;
        Ok(self.convert_all(rows))
    }

    /// Ends the file; the last rows.
    ///
    /// # Errors
    /// As [`Importer::push`].
    pub fn finish(&mut self) -> Result<Vec<(u64, Row)>, ImportError> {
        let rows = self.feed(&[], true)?;
        Ok(self.convert_all(rows))
    }

    /// [`Importer::push`] without turning the rows into payloads: do that with
    /// [`Importer::converter`], elsewhere (the command line's worker threads).
    ///
    /// # Errors
    /// As [`Importer::push`].
    pub fn push_rows(&mut self, bytes: &[u8]) -> Result<Vec<CsvRow>, ImportError> {
        self.feed(bytes, false)
    }

    /// [`Importer::finish`] without turning the rows into payloads.
    ///
    /// # Errors
    /// As [`Importer::push`].
    pub fn finish_rows(&mut self) -> Result<Vec<CsvRow>, ImportError> {
        self.feed(&[], true)
    }

    /// What turns this file's rows into payloads, once its header has been read.
    pub fn converter(&self) -> Option<&Converter> {
        self.converter.as_ref()
    }

    fn convert_all(&self, rows: Vec<CsvRow>) -> Vec<(u64, Row)> {
        match &self.converter {
            Some(c) => rows.into_iter().map(|r| (r.line, c.convert(&r))).collect(),
            None => Vec::new(),
        }
    }

    fn feed(&mut self, bytes: &[u8], last: bool) -> Result<Vec<CsvRow>, ImportError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let mut out = Vec::new();
        if !self.started {
            self.head.extend_from_slice(bytes);
            if self.head.len() < dialect::HEAD_BYTES && !last {
                return Ok(out);
            }
            self.started = true;
            let head = std::mem::take(&mut self.head);
            let complete = last;
            let (encoding, bom) = match self.settings.encoding {
                Some(e) => (e, dialect::bom_len(&head, e)),
                None => dialect::detect_encoding(&head, complete),
            };
            let delimiter = self.settings.delimiter.unwrap_or_else(|| {
                dialect::detect_delimiter(&dialect::decode(&head, encoding), complete)
            });
            self.encoding = encoding;
            self.delimiter = delimiter;
            self.core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
            self.decoder = match encoding {
                Encoding::Utf8 => None,
                e => Some(super::decode::Decoder::new(e)),
            };
            let body = head.get(bom..).unwrap_or_default().to_vec();
            self.decoded(&body, last, &mut out)?;
        } else {
            self.decoded(bytes, last, &mut out)?;
        }
        if last {
            self.csv(&[], true, &mut out)?;
        }
        Ok(out)
    }

    /// Decodes `bytes` to UTF-8 and parses them.
    fn decoded(
        &mut self,
        bytes: &[u8],
        last: bool,
        out: &mut Vec<CsvRow>,
    ) -> Result<(), ImportError> {
        let Some(decoder) = self.decoder.as_mut() else {
            return self.csv(bytes, false, out);
        };
        let mut text = Vec::with_capacity(bytes.len() * 2);
        decoder.decode(bytes, last, &mut text);
        self.csv(&text, false, out)
    }

    /// Parses UTF-8 (or, for UTF-8 files, raw) bytes into rows; `end` closes the last row.
    fn csv(
        &mut self,
        mut input: &[u8],
        end: bool,
        out: &mut Vec<CsvRow>,
    ) -> Result<(), ImportError> {
        use csv_core::ReadRecordResult as R;
        let max = self.settings.max_row_bytes.max(1);
        let mut scratch_out = [0u8; 4096];
        let mut scratch_ends = [0usize; 64];
        if self.data.is_empty() {
            self.data.resize(4096.min(max.saturating_add(1)), 0);
        }
        if self.ends.is_empty() {
            self.ends.resize(64.min(self.columns_cap), 0);
        }
        loop {
            if input.is_empty() && !end {
                return Ok(());
            }
            let o: &mut [u8] = if self.too_large {
                &mut scratch_out
            } else {
                self.data.get_mut(self.outlen..).unwrap_or_default()
            };
            let e: &mut [usize] = if self.too_many {
                &mut scratch_ends
            } else {
                self.ends.get_mut(self.endlen..).unwrap_or_default()
            };
            // A row starts at its first byte that is not a line end (csv-core skips empty lines).
            if self.row_line.is_none() {
                let blank = input
                    .iter()
                    .take_while(|&&b| b == b'\r' || b == b'\n')
                    .count();
                if blank < input.len() || (end && self.outlen + self.endlen > 0) {
                    let (n, _) = line_ends(input.get(..blank).unwrap_or_default(), self.after_cr);
                    self.row_line = Some(self.lines + n + 1);
                }
            }
            let (res, nin, nout, nend) = self.core.read_record(input, o, e);
            let (n, cr) = line_ends(input.get(..nin).unwrap_or_default(), self.after_cr);
            self.lines += n;
            if nin > 0 {
                self.after_cr = cr;
            }
            input = input.get(nin..).unwrap_or_default();
            if !self.too_large {
                self.outlen += nout;
            }
            if !self.too_many {
                self.endlen += nend;
            }
            match res {
                R::InputEmpty => {
                    if !end {
                        return Ok(());
                    }
                }
                R::OutputFull if self.too_large => {}
                R::OutputFull => {
                    if self.data.len() > max {
                        self.too_large = true;
                    } else {
                        let grown = (self.data.len() * 2).min(max.saturating_add(1));
                        self.data.resize(grown, 0);
                    }
                }
                R::OutputEndsFull if self.too_many => {}
                R::OutputEndsFull => {
                    if self.ends.len() >= self.columns_cap {
                        self.too_many = true;
                    } else {
                        let grown = (self.ends.len() * 2).min(self.columns_cap);
                        self.ends.resize(grown, 0);
                    }
                }
                R::Record => {
                    let row = CsvRow {
                        line: self.row_line.take().unwrap_or(self.lines + 1),
                        data: if self.too_large {
                            Vec::new()
                        } else {
                            self.data.get(..self.outlen).unwrap_or_default().to_vec()
                        },
                        ends: self.ends.get(..self.endlen).unwrap_or_default().to_vec(),
                        too_large: self.too_large,
                        too_many: self.too_many,
                    };
                    self.outlen = 0;
                    self.endlen = 0;
                    self.too_large = false;
                    self.too_many = false;
                    self.row(row, out)?;
                }
                R::End => {
                    if self.dialect.is_none() && !self.candidates.is_empty() {
                        self.choose_header(out)?;
                    }
                    return Ok(());
                }
            }
        }
    }

    fn row(&mut self, row: CsvRow, out: &mut Vec<CsvRow>) -> Result<(), ImportError> {
        if self.dialect.is_some() {
            out.push(row);
            return Ok(());
        }
        let mapped = |r: &CsvRow| {
            Mapping::suggest(&r.lossy(), Unmapped::Drop)
                .columns
                .iter()
                .filter(|c| c.key.is_some())
                .count()
        };
        let decided = if self.settings.exact {
            true
        } else if self.candidates.is_empty() {
            mapped(&row) >= 1
        } else {
            mapped(&row) >= 2 || self.candidates.len() + 1 >= HEADER_SEARCH_ROWS
        };
        self.candidates.push(row);
        if decided {
            self.choose_header(out)?;
        }
        Ok(())
    }

    fn choose_header(&mut self, out: &mut Vec<CsvRow>) -> Result<(), ImportError> {
        let candidates = std::mem::take(&mut self.candidates);
        let skipped = if self.settings.exact {
            0
        } else {
            let cells: Vec<Vec<String>> = candidates.iter().map(CsvRow::lossy).collect();
            header_row(&cells)
        };
        let mut rest = candidates.into_iter().skip(skipped);
        let Some(header) = rest.next() else {
            return Ok(());
        };
        if header.too_large || header.too_many {
            let e = ImportError::Header(format!(
                "the CSV header row is too large (at most {} bytes and {MAX_COLUMNS} columns)",
                self.settings.max_row_bytes
            ));
            self.failed = Some(e.clone());
            return Err(e);
        }
        let mut names: Vec<String> = Vec::with_capacity(header.ends.len());
        for cell in header.cells() {
            let Ok(name) = std::str::from_utf8(cell) else {
                let e = ImportError::Header(format!(
                    "the CSV header's column {} is not UTF-8 (give the file's encoding)",
                    names.len() + 1
                ));
                self.failed = Some(e.clone());
                return Err(e);
            };
            let name = name.trim().to_owned();
            if !name.is_empty() && names.contains(&name) {
                let e =
                    ImportError::Header(format!("the CSV header has the column {name:?} twice"));
                self.failed = Some(e.clone());
                return Err(e);
            }
            names.push(name);
        }
        let mut mapping = if self.settings.exact {
            Mapping::exact(&names)
        } else {
            let unmapped = if self.settings.keep_unmapped {
                Unmapped::Keep
            } else {
                Unmapped::Drop
            };
            Mapping::suggest(&names, unmapped)
        };
        let problems = match mapping.apply(&self.settings.map) {
            Ok(()) => mapping.problems(),
            Err(message) => vec![Problem {
                columns: Vec::new(),
                message,
            }],
        };
        self.columns_cap = names.len() + EXTRA_CELLS;
        let report = if mapping.exact {
            String::new()
        } else {
            mapping.report()
        };
        // Known even when the mapping cannot be used, so that a page can show it for editing.
        self.dialect = Some(Dialect {
            encoding: self.encoding,
            delimiter: char::from(self.delimiter).to_string(),
            skipped,
            mapping,
            report,
        });
        self.converter = self.dialect.as_ref().map(|d| Converter {
            reader: RowReader::new(&d.mapping),
            encoding: self.encoding,
            columns_cap: self.columns_cap,
        });
        if !problems.is_empty() {
            let e = ImportError::Mapping(problems);
            self.failed = Some(e.clone());
            return Err(e);
        }
        for row in rest {
            out.push(row);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn settings() -> Settings {
        Settings {
            max_row_bytes: 1 << 20,
            ..Settings::default()
        }
    }

    fn all(
        bytes: &[u8],
        chunk: usize,
        s: Settings,
    ) -> Result<(Vec<(u64, Row)>, Dialect), ImportError> {
        let mut imp = Importer::new(s);
        let mut rows = Vec::new();
        for c in bytes.chunks(chunk.max(1)) {
            rows.extend(imp.push(c)?);
        }
        rows.extend(imp.finish()?);
        Ok((rows, imp.dialect().cloned().expect("a header")))
    }

    #[test]
    fn chunks_do_not_change_the_rows() {
        let text = "Notes:\r\n\"a note, with a comma\"\r\n\r\nVorname;Nachname;E-Mail-Adresse\r\nZoë;Strøm;zoe@example.com\r\n\"Jo\r\nJo\";Ōtani;jo@example.com";
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let want = vec![
            (
                5,
                Row::Payload(
                    json!({"first_name": "Zoë", "last_name": "Strøm", "email": "zoe@example.com"}),
                ),
            ),
            (
                6,
                Row::Payload(
                    json!({"first_name": "Jo\r\nJo", "last_name": "Ōtani", "email": "jo@example.com"}),
                ),
            ),
        ];
        for bytes in [text.as_bytes(), &utf16[..]] {
            for chunk in [1, 2, 3, 7, 4096] {
                let (rows, d) = all(bytes, chunk, settings()).unwrap();
                assert_eq!(rows, want, "chunks of {chunk}");
                assert_eq!((d.delimiter.as_str(), d.skipped), (";", 2));
            }
        }
        // Past the first 64 KiB too.
        let mut long = String::from("Email\n");
        for i in 0..5000 {
            long.push_str(&format!("p{i}@example.com\n"));
        }
        let (rows, d) = all(long.as_bytes(), 1000, settings()).unwrap();
        assert_eq!(rows.len(), 5000);
        assert_eq!(
            rows[4999],
            (5001, Row::Payload(json!({"email": "p4999@example.com"})))
        );
        // Lines: CR, LF and CRLF each end one; empty lines and quoted line breaks count.
        let exact = Settings {
            exact: true,
            ..settings()
        };
        let (rows, _) = all(b"email\r\r\na\n\"b\rb\"\r\nc\rd", 1, exact).unwrap();
        let lines: Vec<u64> = rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [3, 4, 6, 7]);
        assert_eq!(d.encoding, Encoding::Utf8);
    }

    /// Any bytes, cut anywhere: no panic, and the same rows (or the same error) as at once.
    #[test]
    fn random_files_in_random_chunks() {
        let mut rng = crate::test_rng::XorShift(0x2545_f491_4f6c_dd1d);
        let alphabet: &[u8] = b"ab,;\t|\"\r\n \xff\xfe\xe9\x00";
        let heads: [&[u8]; 4] = [b"", b"Email,First Name\n", b"\xff\xfe", b"Notes:\n\n"];
        for _ in 0..3_000 {
            let mut bytes = rng.pick(&heads).to_vec();
            // Sometimes past the first 64 KiB, where the rows are parsed as they come.
            if rng.chance(5) {
                bytes.extend_from_slice(b"Email,First Name\n");
                bytes.extend(b"a@example.com,Jo\n".repeat(4_000));
            }
            let len = rng.below(60);
            bytes.extend((0..len).map(|_| *rng.pick(alphabet)));
            let small = Settings {
                max_row_bytes: 1 + rng.below(60),
                ..Settings::default()
            };
            let whole = {
                let mut imp = Importer::new(small.clone());
                imp.push(&bytes).and_then(|mut r| {
                    r.extend(imp.finish()?);
                    Ok(r)
                })
            };
            let mut imp = Importer::new(small);
            let mut rest = &bytes[..];
            let mut cut: Result<Vec<(u64, Row)>, ImportError> = Ok(Vec::new());
            while !rest.is_empty() {
                let n = 1 + rng.below(rest.len());
                let (a, b) = rest.split_at(n);
                rest = b;
                cut = cut.and_then(|mut r| {
                    r.extend(imp.push(a)?);
                    Ok(r)
                });
            }
            cut = cut.and_then(|mut r| {
                r.extend(imp.finish()?);
                Ok(r)
            });
            assert_eq!(cut, whole, "{bytes:x?}");
        }
    }

    #[test]
    fn files_that_cannot_be_imported() {
        let e = all(b"Email,E-mail\na,b\n", 100, settings()).unwrap_err();
        assert!(matches!(&e, ImportError::Mapping(p) if p.len() == 1), "{e}");
        let s = Settings {
            map: vec![("E-mail".into(), "email".into())],
            ..settings()
        };
        let (rows, _) = all(b"Email,E-mail\na,b\n", 100, s).unwrap();
        assert_eq!(rows, vec![(2, Row::Payload(json!({"email": "b"})))]);
        let e = all(
            b"a,a\n1,2\n",
            100,
            Settings {
                exact: true,
                ..settings()
            },
        )
        .unwrap_err();
        assert_eq!(
            e,
            ImportError::Header("the CSV header has the column \"a\" twice".into())
        );
        // No header at all: no dialect, no rows.
        let mut imp = Importer::new(settings());
        assert_eq!(imp.finish().unwrap(), vec![]);
        assert!(imp.dialect().is_none());
    }
}
