//! Splitting the input into records, streaming: NDJSON lines, the elements of one JSON array,
//! or CSV rows. Every reader holds at most one record (capped at the record size limit plus one
//! byte) in memory, however long the record or the input is.

use contact_rules::import::reader::{Converter, CsvRow, Dialect};
use contact_rules::import::{Importer, Settings};
use std::collections::VecDeque;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The UTF-8 byte order mark, skipped at the start of any input.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// The buffered input every reader works on; it counts the bytes read (for the progress bar).
pub type Input = BufReader<Counting<Box<dyn Read + Send>>>;

/// Wraps the input in a buffer that counts the bytes read into `counter`.
pub fn buffered(inner: Box<dyn Read + Send>, counter: Arc<AtomicU64>) -> Input {
    BufReader::with_capacity(256 * 1024, Counting { inner, counter })
}

/// A reader that adds the bytes it reads to a shared counter.
pub struct Counting<R> {
    inner: R,
    counter: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// One record of the input, not yet validated.
#[derive(Debug, PartialEq)]
pub enum Record {
    /// A JSON text (an NDJSON line or an array element): where its bytes are in the text the
    /// records of its batch were read into (one buffer a batch rather than one a record). The
    /// bytes may not be UTF-8.
    Json(Range<usize>),
    /// A record over the size limit; its bytes were skipped, not kept.
    TooLarge,
    /// A CSV row as the crate's importer read it; the worker makes it a payload
    /// (`Context::csv`, the importer's converter).
    Csv(CsvRow),
}

impl Record {
    /// About how much memory the record holds, for sizing batches.
    pub fn weight(&self) -> usize {
        let held = match self {
            Record::Json(at) => at.len(),
            Record::TooLarge => 0,
            Record::Csv(row) => row.weight(),
        };
        held + 64
    }
}

/// Why the input could not be read to its end: an I/O error, or a container that is not what
/// the input format says (a JSON array not closed, a CSV header that is not UTF-8, ...).
#[derive(Debug)]
pub enum ReadError {
    /// Reading failed.
    Io(io::Error),
    /// The input is not in the format given with `--input`.
    Format(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read the input: {e}"),
            ReadError::Format(m) => f.write_str(m),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// `fill_buf`, retried when interrupted; empty at the end of the input.
fn fill(r: &mut Input) -> io::Result<&[u8]> {
    loop {
        match r.fill_buf() {
            Ok([]) => return Ok(&[]),
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    // Data is buffered now, so this returns it without reading. (Returning the first call's
    // slice from inside the loop is what the borrow checker cannot yet accept.)
    r.fill_buf()
}

/// Skips a UTF-8 byte order mark at the current position.
fn skip_bom(r: &mut Input) -> io::Result<()> {
    if fill(r)?.starts_with(BOM) {
        r.consume(BOM.len());
    }
    Ok(())
}

fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A record's bytes appended to the batch's text up to `max + 1` bytes; the rest is counted,
/// not kept.
struct Capped {
    /// Where the record starts in the text.
    start: usize,
    total: usize,
    max: usize,
}

impl Capped {
    fn new(text: &[u8], max: usize) -> Self {
        Capped {
            start: text.len(),
            total: 0,
            max,
        }
    }

    /// The record's bytes kept so far.
    fn kept<'a>(&self, text: &'a [u8]) -> &'a [u8] {
        text.get(self.start..).unwrap_or_default()
    }

    fn push(&mut self, text: &mut Vec<u8>, bytes: &[u8]) {
        self.total = self.total.saturating_add(bytes.len());
        let room = (self.max.saturating_add(1)).saturating_sub(self.kept(text).len());
        let keep = bytes.get(..room).unwrap_or(bytes);
        text.extend_from_slice(keep);
    }

    /// Takes back what was kept (a blank line).
    fn discard(self, text: &mut Vec<u8>) {
        text.truncate(self.start);
    }

    fn into_record(self, text: &mut Vec<u8>) -> Record {
        if self.total > self.max {
            text.truncate(self.start);
            Record::TooLarge
        } else {
            Record::Json(self.start..text.len())
        }
    }
}

/// The records of one input, in one of the three formats.
pub enum Source {
    /// One JSON payload per line.
    Ndjson(Lines),
    /// The elements of one JSON array.
    Json(ArrayElements),
    /// CSV rows under a header row.
    Csv(Box<CsvRows>),
    /// No records (a CSV input without even a header row).
    Empty,
}

impl Source {
    /// The next record, or `None` at the end of the input. A JSON text's bytes are appended
    /// to `text` ([`Record::Json`] says where).
    ///
    /// # Errors
    /// An I/O error, or an input that is not in its format (after the records before it).
    pub fn next_record(&mut self, text: &mut Vec<u8>) -> Result<Option<Record>, ReadError> {
        match self {
            Source::Ndjson(s) => s.next_record(text),
            Source::Json(s) => s.next_record(text),
            Source::Csv(s) => s.next_record(),
            Source::Empty => Ok(None),
        }
    }

    /// Whether the next record would have to wait for more input (nothing buffered).
    pub fn would_block(&self) -> bool {
        let r = match self {
            Source::Ndjson(s) => &s.r,
            Source::Json(s) => &s.r,
            Source::Csv(s) if s.has_pending() => return false,
            Source::Csv(s) => &s.r,
            Source::Empty => return false,
        };
        r.buffer().is_empty()
    }
}

/// NDJSON: one record per line; blank lines skipped; `\r\n` line ends fine.
pub struct Lines {
    r: Input,
    max: usize,
    first: bool,
}

impl Lines {
    /// Lines of `r`, each capped at `max` bytes (longer ones become [`Record::TooLarge`]).
    pub fn new(r: Input, max: usize) -> Self {
        Lines {
            r,
            max,
            first: true,
        }
    }

    fn next_record(&mut self, text: &mut Vec<u8>) -> Result<Option<Record>, ReadError> {
        if std::mem::take(&mut self.first) {
            skip_bom(&mut self.r)?;
        }
        loop {
            let mut line = Capped::new(text, self.max);
            let mut blank = true;
            let mut any = false;
            loop {
                let chunk = fill(&mut self.r)?;
                if chunk.is_empty() {
                    break;
                }
                any = true;
                let (part, used, done) = match memchr::memchr(b'\n', chunk) {
                    Some(i) => (chunk.get(..i).unwrap_or(chunk), i + 1, true),
                    None => (chunk, chunk.len(), false),
                };
                if blank {
                    blank = part.iter().all(|&b| is_json_space(b));
                }
                line.push(text, part);
                self.r.consume(used);
                if done {
                    break;
                }
            }
            if !any {
                line.discard(text);
                return Ok(None);
            }
            if blank {
                line.discard(text);
                continue;
            }
            // A `\r` before the `\n` belongs to the line end, not to the record.
            // (A line of more than `max + 1` bytes is too large either way.)
            if line.total <= line.max.saturating_add(1) && line.kept(text).last() == Some(&b'\r') {
                text.pop();
                line.total -= 1;
            }
            return Ok(Some(line.into_record(text)));
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ArrayState {
    /// Before the opening `[`.
    Start,
    /// Inside the array, before an element.
    Elements,
    /// After the closing `]`.
    Closed,
    /// The input ended inside the array; the error is still to be reported.
    Unclosed,
    /// Everything reported.
    Finished,
}

/// `--input json`: the elements of one top-level JSON array, split by a scanner that tracks
/// nesting depth and strings only; each element's text is then parsed on its own, so a broken
/// element is one `invalid_json` record and the run goes on.
pub struct ArrayElements {
    r: Input,
    max: usize,
    state: ArrayState,
    first_element: bool,
}

impl ArrayElements {
    /// Elements of the array in `r`, each capped at `max` bytes.
    pub fn new(r: Input, max: usize) -> Self {
        ArrayElements {
            r,
            max,
            state: ArrayState::Start,
            first_element: true,
        }
    }

    /// Skips JSON white space; the next byte, if any (not consumed).
    fn peek_past_space(&mut self) -> io::Result<Option<u8>> {
        loop {
            let chunk = fill(&mut self.r)?;
            if chunk.is_empty() {
                return Ok(None);
            }
            match chunk.iter().enumerate().find(|(_, &b)| !is_json_space(b)) {
                Some((i, &b)) => {
                    self.r.consume(i);
                    return Ok(Some(b));
                }
                None => {
                    let n = chunk.len();
                    self.r.consume(n);
                }
            }
        }
    }

    fn next_record(&mut self, text: &mut Vec<u8>) -> Result<Option<Record>, ReadError> {
        loop {
            match self.state {
                ArrayState::Start => {
                    skip_bom(&mut self.r)?;
                    match self.peek_past_space()? {
                        None => {
                            self.state = ArrayState::Finished;
                            return Ok(None);
                        }
                        Some(b'[') => {
                            self.r.consume(1);
                            self.state = ArrayState::Elements;
                        }
                        Some(_) => {
                            self.state = ArrayState::Finished;
                            return Err(ReadError::Format(
                                "--input json expects one JSON array of payloads ([{...}, ...]); \
                                 for one payload per line use --input ndjson"
                                    .into(),
                            ));
                        }
                    }
                }
                ArrayState::Elements => return self.element(text),
                ArrayState::Closed => {
                    self.state = ArrayState::Finished;
                    if self.peek_past_space()?.is_some() {
                        return Err(ReadError::Format(
                            "unexpected data after the end of the JSON array".into(),
                        ));
                    }
                    return Ok(None);
                }
                ArrayState::Unclosed => {
                    self.state = ArrayState::Finished;
                    return Err(ReadError::Format(
                        "the input ended inside the JSON array (no closing ']')".into(),
                    ));
                }
                ArrayState::Finished => return Ok(None),
            }
        }
    }

    /// Scans one element up to the `,` or `]` that ends it at depth 0.
    fn element(&mut self, text: &mut Vec<u8>) -> Result<Option<Record>, ReadError> {
        let mut element = Capped::new(text, self.max);
        let mut depth: u64 = 0;
        let mut in_string = false;
        let mut escaped = false;
        let mut started = false;
        loop {
            let chunk = fill(&mut self.r)?;
            if chunk.is_empty() {
                // The error comes after the element cut short, if there is one.
                self.state = ArrayState::Unclosed;
                if started {
                    return Ok(Some(element.into_record(text)));
                }
                element.discard(text);
                return self.next_record(text);
            }
            let mut end = None;
            let mut from = 0;
            for (i, &b) in chunk.iter().enumerate() {
                if in_string {
                    if escaped {
                        escaped = false;
                    } else if b == b'\\' {
                        escaped = true;
                    } else if b == b'"' {
                        in_string = false;
                    }
                    continue;
                }
                if depth == 0 && (b == b',' || b == b']') {
                    end = Some((i, b == b']'));
                    break;
                }
                if !started {
                    if is_json_space(b) {
                        from = i + 1;
                        continue;
                    }
                    started = true;
                }
                match b {
                    b'"' => in_string = true,
                    b'[' | b'{' => depth += 1,
                    b']' | b'}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            let upto = end.map_or(chunk.len(), |(i, _)| i);
            element.push(text, chunk.get(from..upto).unwrap_or_default());
            self.r.consume(upto + usize::from(end.is_some()));
            if let Some((_, closes)) = end {
                let first = std::mem::take(&mut self.first_element);
                if closes {
                    self.state = ArrayState::Closed;
                    if first && !started {
                        // `[]`: no records.
                        element.discard(text);
                        return Ok(None);
                    }
                }
                // An empty element (`[1,,2]`, `[1,]`) is a record that is not JSON.
                return Ok(Some(element.into_record(text)));
            }
        }
    }
}

/// `--input csv`: the crate's CSV importer (`contact_rules::import::Importer`: encoding,
/// delimiter, notes before the header, the mapping, rows as payloads) fed from the input in
/// chunks, so the command line reads a file exactly as the npm package does. Rows are capped
/// at the record size limit.
pub struct CsvRows {
    r: Input,
    importer: Importer,
    queue: VecDeque<CsvRow>,
    done: bool,
}

impl CsvRows {
    /// Reads up to the header row; the dialect and mapping it found. `Ok(None)` for an input
    /// without even a header row.
    ///
    /// # Errors
    /// An I/O error, a header that cannot be read, or a mapping that is ambiguous or wrong
    /// (`ReadError::Format`, one problem per line).
    pub fn new(r: Input, settings: Settings) -> Result<Option<(CsvRows, Dialect)>, ReadError> {
        let mut rows = CsvRows {
            r,
            importer: Importer::new(settings),
            queue: VecDeque::new(),
            done: false,
        };
        loop {
            if let Some(d) = rows.importer.dialect() {
                let d = d.clone();
                return Ok(Some((rows, d)));
            }
            if rows.done {
                return Ok(None);
            }
            rows.read_chunk()?;
        }
    }

    fn read_chunk(&mut self) -> Result<(), ReadError> {
        let chunk = fill(&mut self.r)?;
        let (rows, n) = if chunk.is_empty() {
            self.done = true;
            (self.importer.finish_rows(), 0)
        } else {
            (self.importer.push_rows(chunk), chunk.len())
        };
        self.r.consume(n);
        let rows = rows.map_err(|e| ReadError::Format(e.to_string()))?;
        self.queue.extend(rows);
        Ok(())
    }

    /// What turns the rows into payloads (known once the header is read).
    pub fn converter(&self) -> Option<Converter> {
        self.importer.converter().cloned()
    }

    /// The mapping report for `--summary` (none with `--columns exact`).
    pub fn report(&self) -> Option<String> {
        self.importer
            .dialect()
            .filter(|d| !d.mapping.exact)
            .map(|d| d.report.clone())
    }

    /// Whether rows are waiting, read with the last chunk.
    fn has_pending(&self) -> bool {
        !self.queue.is_empty()
    }

    fn next_record(&mut self) -> Result<Option<Record>, ReadError> {
        loop {
            if let Some(row) = self.queue.pop_front() {
                return Ok(Some(Record::Csv(row)));
            }
            if self.done {
                return Ok(None);
            }
            self.read_chunk()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contact_rules::import::Row;

    fn input(bytes: &[u8]) -> Input {
        buffered(Box::new(io::Cursor::new(bytes.to_vec())), Arc::default())
    }

    /// A record with its JSON text's bytes.
    #[derive(Debug, PartialEq)]
    enum Got {
        Json(Vec<u8>),
        TooLarge,
        Csv(CsvRow),
    }

    /// Every record, then the error if any. The records are read into one text, as a batch's
    /// are, after some bytes already there.
    fn drain(mut s: Source) -> (Vec<Got>, Option<String>) {
        let mut text = b"before".to_vec();
        let mut records = Vec::new();
        let error = loop {
            match s.next_record(&mut text) {
                Ok(Some(r)) => records.push(r),
                Ok(None) => break None,
                Err(e) => {
                    assert!(
                        matches!(s.next_record(&mut text), Ok(None)),
                        "ends after an error"
                    );
                    break Some(e.to_string());
                }
            }
        };
        let mut end = 6;
        let got = records
            .into_iter()
            .map(|r| match r {
                Record::Json(at) => {
                    assert_eq!(at.start, end, "records follow each other in the text");
                    end = at.end;
                    Got::Json(text[at].to_vec())
                }
                Record::TooLarge => Got::TooLarge,
                Record::Csv(row) => Got::Csv(row),
            })
            .collect();
        assert_eq!(
            text.len(),
            end,
            "the text holds the records and nothing else"
        );
        (got, error)
    }

    fn json(s: &str) -> Got {
        Got::Json(s.as_bytes().to_vec())
    }

    fn lines(bytes: &[u8], max: usize) -> Vec<Got> {
        let (recs, err) = drain(Source::Ndjson(Lines::new(input(bytes), max)));
        assert_eq!(err, None);
        recs
    }

    fn array(bytes: &[u8], max: usize) -> (Vec<Got>, Option<String>) {
        drain(Source::Json(ArrayElements::new(input(bytes), max)))
    }

    #[test]
    fn ndjson_lines() {
        let cases: &[(&[u8], Vec<Got>)] = &[
            (b"", vec![]),
            (b"\n\n  \r\n\t\n", vec![]),
            (b"{}", vec![json("{}")]),
            (b"{}\n", vec![json("{}")]),
            (b"{}\r\n{\"a\":1}\r\n", vec![json("{}"), json("{\"a\":1}")]),
            (b"\n{}\n\n  \n[]", vec![json("{}"), json("[]")]),
            (b"\xef\xbb\xbf{}\n", vec![json("{}")]),
            (b"{\xff}\n", vec![Got::Json(b"{\xff}".to_vec())]),
            (b"nope\n", vec![json("nope")]),
            // Exactly the limit passes; one byte more is too large (the `\r` is not counted).
            (
                b"1234567890\r\n12345678901\n1",
                vec![json("1234567890"), Got::TooLarge, json("1")],
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                &lines(bytes, 10),
                want,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn ndjson_long_line_is_skipped_not_kept() {
        let mut big = vec![b'x'; 3_000_000];
        big.extend_from_slice(b"\n{}\n");
        assert_eq!(lines(&big, 1 << 20), vec![Got::TooLarge, json("{}")]);
    }

    #[test]
    fn json_array_elements() {
        let ok: &[(&str, Vec<Got>)] = &[
            ("[]", vec![]),
            (" [ ] ", vec![]),
            ("", vec![]),
            ("[{}]", vec![json("{}")]),
            (
                "\u{feff}[\n  {\"a\": [1, {\"b\": \"]}\"}]},\n  {\"c\": \"x\\\"],\"}\n]\n",
                vec![
                    json("{\"a\": [1, {\"b\": \"]}\"}]}"),
                    json("{\"c\": \"x\\\"],\"}\n"),
                ],
            ),
            ("[1,,2]", vec![json("1"), json(""), json("2")]),
            ("[1,]", vec![json("1"), json("")]),
            ("[nope, {}]", vec![json("nope"), json("{}")]),
        ];
        for (text, want) in ok {
            let (recs, err) = array(text.as_bytes(), 100);
            assert_eq!((&recs, err), (want, None), "{text:?}");
        }
        let (recs, err) = array(b"[\"12345678901\", 1]", 10);
        assert_eq!(recs, vec![Got::TooLarge, json("1")]);
        assert_eq!(err, None);
    }

    #[test]
    fn json_array_container_errors() {
        let (recs, err) = array(b"{\"email\": null}", 100);
        assert!(recs.is_empty());
        assert!(err.unwrap().contains("expects one JSON array"));
        let (recs, err) = array(b"[{}, {\"a\":", 100);
        assert_eq!(recs, vec![json("{}"), json("{\"a\":")]);
        assert!(err.unwrap().contains("ended inside"));
        let (recs, err) = array(b"[{}, ", 100);
        assert_eq!(recs, vec![json("{}")]);
        assert!(err.unwrap().contains("ended inside"));
        let (recs, err) = array(b"[{}] [{}]", 100);
        assert_eq!(recs, vec![json("{}")]);
        assert!(err.unwrap().contains("after the end"));
    }

    fn csv(bytes: &[u8], max: usize) -> Result<(Vec<String>, Vec<Row>), String> {
        let settings = Settings {
            encoding: Some(contact_rules::import::dialect::Encoding::Utf8),
            exact: true,
            max_row_bytes: max,
            ..Settings::default()
        };
        let Some((rows, dialect)) =
            CsvRows::new(input(bytes), settings).map_err(|e| e.to_string())?
        else {
            return Ok((vec![], vec![]));
        };
        let headers = dialect
            .mapping
            .columns
            .iter()
            .map(|c| c.header.clone())
            .collect();
        let converter = rows.converter().expect("a header");
        let (recs, err) = drain(Source::Csv(Box::new(rows)));
        assert_eq!(err, None);
        let rows = recs
            .into_iter()
            .map(|r| match r {
                Got::Csv(row) => converter.convert(&row),
                other => panic!("not a CSV row: {other:?}"),
            })
            .collect();
        Ok((headers, rows))
    }

    fn payload(v: serde_json::Value) -> Row {
        Row::Payload(v)
    }

    #[test]
    fn csv_rows() {
        let (h, recs) = csv(
            b"\xef\xbb\xbf first_name ,tags\r\nJane,\"a, b\"\r\n\r\n,\nJo\"\"e,x\n\"multi\nline\",",
            100,
        )
        .unwrap();
        assert_eq!(h, ["first_name", "tags"]);
        assert_eq!(
            recs,
            vec![
                payload(serde_json::json!({"first_name": "Jane", "tags": ["a", "b"]})),
                payload(serde_json::json!({})),
                payload(serde_json::json!({"first_name": "Jo\"\"e", "tags": ["x"]})),
                payload(serde_json::json!({"first_name": "multi\nline"})),
            ]
        );
        assert_eq!(csv(b"", 100).unwrap(), (vec![], vec![]));
        let (_, recs) = csv(b"a\nshort\n12345678901\nok", 10).unwrap();
        assert_eq!(
            recs,
            vec![
                payload(serde_json::json!({"a": "short"})),
                Row::TooLarge,
                payload(serde_json::json!({"a": "ok"}))
            ]
        );
        let many = format!("a\n{}\nb", ",".repeat(500));
        let (_, recs) = csv(many.as_bytes(), 1000).unwrap();
        assert!(matches!(&recs[0], Row::Invalid(i) if i.message.contains("more than 65 cells")));
        assert_eq!(recs[1], payload(serde_json::json!({"a": "b"})));
    }

    #[test]
    fn csv_header_errors() {
        assert!(csv(b"a,b,a\n1,2,3", 100).unwrap_err().contains("twice"));
        assert!(csv(b"a,\xff\n1,2", 100).unwrap_err().contains("not UTF-8"));
        assert!(csv(b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n1", 10)
            .unwrap_err()
            .contains("too large"));
    }
}
