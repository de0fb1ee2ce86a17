//! `contact-rules check`: stream records through validation on every core, results in input
//! order.
//!
//! A reader thread splits the input into batches of records; worker threads validate batches
//! and encode their result lines; the main thread writes batches in order, keeping the ones
//! that finish early in a reorder buffer. Every channel is bounded and a batch may only be read
//! when one of a fixed number of tokens is free (the writer frees a token when it has written a
//! batch), so memory stays flat however large the input is. A token carries the buffers of
//! the batch written ([`Spare`]), cleared, so that a run allocates them `in_flight` times, not
//! once a batch. With `--jobs 1` everything runs on the main thread, on one set of buffers.

use super::args::{CheckArgs, ColumnsArg, InputFormat, UnmappedArg};
use super::input::{self, ArrayElements, CsvRows, Lines, ReadError, Record, Source};
use super::results::{self, Context, Tally};
use super::{exit, print_error};
use contact_rules::import::dialect::{delimiter_name, Encoding};
use contact_rules::import::Settings;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

/// A batch closes at this many records...
const BATCH_RECORDS: usize = 512;
/// ...or at about this many bytes.
const BATCH_BYTES: usize = 1 << 20;

/// A batch of records, numbered in input order, with the buffer its lines go to.
struct Batch {
    seq: u64,
    first_index: u64,
    records: Records,
    lines: Vec<u8>,
}

/// Records read for one batch, the bytes of their JSON texts in one buffer.
#[derive(Default)]
struct Records {
    list: Vec<Record>,
    text: Vec<u8>,
}

/// A validated batch: its result lines and counts (and its records, whose buffers go back to
/// the reader once the lines are written).
struct Done {
    seq: u64,
    lines: Vec<u8>,
    tally: Tally,
    records: Records,
}

/// The buffers of a written batch, emptied for the next one to be read into.
#[derive(Default)]
struct Spare {
    records: Records,
    lines: Vec<u8>,
}

impl Done {
    /// Its buffers, emptied (their capacity kept).
    fn into_spare(self) -> Spare {
        let (mut records, mut lines) = (self.records, self.lines);
        records.list.clear();
        records.text.clear();
        lines.clear();
        Spare { records, lines }
    }
}

/// What workers send the writer.
enum Msg {
    Done(Done),
    /// A worker panicked (a bug; the panic message is already on stderr).
    WorkerPanicked,
}

/// Runs `check`; the exit status: 0 all valid, 1 some invalid, 2 usage or I/O error.
pub fn run(args: CheckArgs) -> ExitCode {
    let options = args.options();
    let max = options.limits.max_payload_bytes;
    let bytes_read = Arc::new(AtomicU64::new(0));

    let (reader, size, stdin): (Box<dyn Read + Send>, Option<u64>, bool) = match &args.file {
        None => (Box::new(io::stdin()), None, true),
        Some(p) if p.as_os_str() == "-" => (Box::new(io::stdin()), None, true),
        Some(p) => match File::open(p) {
            Ok(f) => {
                let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Box::new(f), size, false)
            }
            Err(e) => {
                print_error(&format!("cannot open {}: {e}", p.display()));
                return exit::usage();
            }
        },
    };
    let format = args.format();
    if format != InputFormat::Csv && args.csv.given() {
        print_error(
            "--columns, --map, --map-file, --unmapped, --delimiter and --encoding apply to CSV \
             input (--input csv, or a FILE ending in .csv): JSON keys are payload keys",
        );
        return exit::usage();
    }
    let mut report = None;
    let mut csv = None;
    let source = match format {
        InputFormat::Ndjson => Source::Ndjson(Lines::new(
            input::buffered(reader, Arc::clone(&bytes_read)),
            max,
        )),
        InputFormat::Json => Source::Json(ArrayElements::new(
            input::buffered(reader, Arc::clone(&bytes_read)),
            max,
        )),
        InputFormat::Csv => match open_csv(reader, &args, Arc::clone(&bytes_read), max) {
            Ok(Some(rows)) => {
                report = rows.report();
                csv = rows.converter();
                Source::Csv(Box::new(rows))
            }
            Ok(None) => Source::Empty,
            Err(e) => {
                print_error(&e);
                return exit::usage();
            }
        },
    };

    let (sink, to_terminal): (Box<dyn Write>, bool) = match &args.output {
        Some(p) if p.as_os_str() != "-" => match File::create(p) {
            Ok(f) => (Box::new(f), false),
            Err(e) => {
                print_error(&format!("cannot create {}: {e}", p.display()));
                return exit::usage();
            }
        },
        _ => (Box::new(io::stdout().lock()), io::stdout().is_terminal()),
    };
    let mut writer = Writer {
        out: BufWriter::with_capacity(256 * 1024, sink),
        tally: Tally::default(),
        progress: Progress::new(
            !(args.no_progress || to_terminal || (stdin && io::stdin().is_terminal())),
            size,
            Arc::clone(&bytes_read),
        ),
        failed: None,
    };

    let cx = Context {
        options,
        fastapi: args.fastapi,
        csv,
    };
    let jobs = args
        .jobs
        .or_else(|| thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let read_result = if jobs == 1 {
        sequential(source, &cx, &mut writer)
    } else {
        match parallel(source, cx, jobs, &mut writer) {
            Some(r) => r,
            None => return exit::internal(),
        }
    };
    writer.finish();
    if args.summary {
        let mut err = io::stderr().lock();
        let _ = writer.tally.write_summary(&mut err);
        if let Some(report) = &report {
            let _ = write!(err, "columns\n{report}");
        }
    }
    match (&writer.failed, read_result) {
        (Some(e), _) if e.kind() != io::ErrorKind::BrokenPipe => {
            print_error(&format!("cannot write the results: {e}"));
            exit::usage()
        }
        (Some(_), _) => exit::for_tally(&writer.tally),
        (None, Err(e)) => {
            print_error(&e.to_string());
            exit::usage()
        }
        (None, Ok(())) => exit::for_tally(&writer.tally),
    }
}

/// Opens a CSV input with the crate's importer: the encoding and delimiter (given or detected
/// from the first 64 KiB), the header (after any notes), and the column mapping
/// (suggested or exact, then `--map-file` and `--map`), which is printed on stderr. `Ok(None)`
/// for an input without a header row.
fn open_csv(
    raw: Box<dyn Read + Send>,
    args: &CheckArgs,
    bytes_read: Arc<AtomicU64>,
    max: usize,
) -> Result<Option<CsvRows>, String> {
    let mut map = Vec::new();
    if let Some(path) = &args.csv.map_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        map = parse_map_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for m in &args.csv.map {
        map.push(parse_map_pair(m)?);
    }
    let settings = Settings {
        encoding: args.csv.encoding,
        delimiter: args.csv.delimiter,
        exact: args.csv.columns == ColumnsArg::Exact,
        keep_unmapped: args.csv.unmapped == UnmappedArg::Keep,
        map,
        max_row_bytes: max,
    };
    let input = input::buffered(raw, bytes_read);
    let Some((rows, dialect)) =
        CsvRows::new(input, settings).map_err(|e| e.to_string().replace('\n', "\nerror: "))?
    else {
        return Ok(None);
    };
    let mut err = io::stderr().lock();
    let delimiter = dialect.delimiter.bytes().next().unwrap_or(b',');
    if !dialect.mapping.exact
        || dialect.skipped > 0
        || dialect.encoding != Encoding::Utf8
        || delimiter != b','
    {
        let notes = match dialect.skipped {
            0 => String::new(),
            1 => ", 1 row of notes before the header skipped".into(),
            n => format!(", {n} rows of notes before the header skipped"),
        };
        let _ = writeln!(
            err,
            "reading CSV: {}, delimiter {}{notes}",
            dialect.encoding.label(),
            delimiter_name(delimiter),
        );
    }
    if !dialect.mapping.exact {
        let _ = write!(
            err,
            "columns (--map COLUMN=KEY to change; --columns exact to turn off):\n{}",
            dialect.report
        );
    }
    Ok(Some(rows))
}

/// One `--map` value: `COLUMN=KEY`, split at the last `=` (keys have none).
fn parse_map_pair(s: &str) -> Result<(String, String), String> {
    match s.rsplit_once('=') {
        Some((column, key)) if !column.trim().is_empty() => {
            Ok((column.trim().to_owned(), key.trim().to_owned()))
        }
        _ => Err(format!(
            "--map {s:?}: write COLUMN=KEY, e.g. --map 'Email Address=email'"
        )),
    }
}

/// A `--map-file`: a JSON object `{"COLUMN": "KEY" | null}` (null leaves the column out), or
/// lines of `COLUMN=KEY` (blank lines and `#` comments skipped).
fn parse_map_file(text: &str) -> Result<Vec<(String, String)>, String> {
    let text = text.trim_start_matches('\u{feff}');
    if text.trim_start().starts_with('{') {
        let map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(text)
            .map_err(|e| format!("not a JSON object of COLUMN: KEY: {e}"))?;
        return map
            .into_iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => Ok((k, s)),
                serde_json::Value::Null => Ok((k, "-".into())),
                other => Err(format!("{k:?}: {other} is not a key (a string, or null)")),
            })
            .collect();
    }
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(parse_map_pair)
        .collect()
}

/// Collects the next batch: records until the batch is full, the input ends or would block
/// (so results of a slow stream show up promptly). The error, if reading failed, comes with
/// the records read before it. `records` is empty, a written batch's buffers reused.
fn next_batch(source: &mut Source, mut records: Records) -> (Records, Option<ReadError>, bool) {
    records.list.reserve(BATCH_RECORDS);
    let mut bytes = 0;
    while records.list.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
        if !records.list.is_empty() && source.would_block() {
            return (records, None, false);
        }
        match source.next_record(&mut records.text) {
            Ok(Some(r)) => {
                bytes += r.weight();
                records.list.push(r);
            }
            Ok(None) => return (records, None, true),
            Err(e) => return (records, Some(e), true),
        }
    }
    (records, None, false)
}

/// Validates a batch and encodes its result lines.
fn process(batch: Batch, cx: &Context) -> Done {
    let Batch {
        seq,
        first_index,
        records,
        mut lines,
    } = batch;
    // A result line is about as long as its record, plus the index and keys: reserved so that
    // the buffer seldom grows (each growth copies the batch's lines so far).
    let weight: usize = records.list.iter().map(Record::weight).sum();
    lines.reserve(weight + records.list.len() * 64);
    let mut tally = Tally::default();
    for (index, record) in (first_index..).zip(&records.list) {
        let outcome = results::validate(record, &records.text, cx);
        results::write_line(&mut lines, index, &outcome, cx.fastapi);
        tally.add(&outcome);
    }
    Done {
        seq,
        lines,
        tally,
        records,
    }
}

/// `--jobs 1`: read, validate and write on this thread.
fn sequential(mut source: Source, cx: &Context, writer: &mut Writer) -> Result<(), ReadError> {
    let mut first_index = 0;
    let mut seq = 0;
    let mut spare = Spare::default();
    loop {
        let Spare { records, lines } = std::mem::take(&mut spare);
        let (records, error, end) = next_batch(&mut source, records);
        let n = records.list.len() as u64;
        if n > 0 {
            let done = process(
                Batch {
                    seq,
                    first_index,
                    records,
                    lines,
                },
                cx,
            );
            seq += 1;
            first_index += n;
            if !writer.write(&done) {
                return Ok(());
            }
            if source.would_block() {
                writer.flush();
            }
            spare = done.into_spare();
        }
        if let Some(e) = error {
            return Err(e);
        }
        if end {
            return Ok(());
        }
    }
}

/// Reader thread, `jobs` workers, and the writer on this thread. `None` when a worker
/// panicked.
fn parallel(
    source: Source,
    cx: Context,
    jobs: usize,
    writer: &mut Writer,
) -> Option<Result<(), ReadError>> {
    // At most this many batches are read but not yet written, wherever they are.
    let in_flight = 2 * jobs + 2;
    let (token_tx, token_rx) = mpsc::sync_channel::<Spare>(in_flight);
    for _ in 0..in_flight {
        // The channel has room for exactly `in_flight` tokens and its receiver is alive.
        let _ = token_tx.send(Spare::default());
    }
    let (batch_tx, batch_rx) = mpsc::sync_channel::<Batch>(jobs);
    let (done_tx, done_rx) = mpsc::sync_channel::<Msg>(jobs);

    let reader = thread::Builder::new()
        .name("reader".into())
        .spawn(move || read_batches(source, &batch_tx, &token_rx));
    let reader = match reader {
        Ok(h) => h,
        Err(e) => {
            print_error(&format!("cannot start a thread: {e}"));
            return None;
        }
    };
    let batch_rx = Arc::new(Mutex::new(batch_rx));
    let cx = Arc::new(cx);
    let mut workers = Vec::with_capacity(jobs);
    for i in 0..jobs {
        let (batch_rx, done_tx, cx) = (Arc::clone(&batch_rx), done_tx.clone(), Arc::clone(&cx));
        let spawned = thread::Builder::new()
            .name(format!("worker-{i}"))
            .spawn(move || work(&batch_rx, &done_tx, &cx));
        match spawned {
            Ok(h) => workers.push(h),
            Err(e) => {
                print_error(&format!("cannot start a thread: {e}"));
                return None;
            }
        }
    }
    drop(done_tx);

    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    'receive: loop {
        let msg = match done_rx.try_recv() {
            Ok(msg) => msg,
            Err(TryRecvError::Disconnected) => break,
            Err(TryRecvError::Empty) => {
                // Nothing ready: let what was written so far out before waiting.
                writer.flush();
                match done_rx.recv() {
                    Ok(msg) => msg,
                    Err(_) => break,
                }
            }
        };
        let done = match msg {
            Msg::Done(d) => d,
            Msg::WorkerPanicked => {
                writer.finish();
                return None;
            }
        };
        pending.insert(done.seq, done);
        while let Some(done) = pending.remove(&next) {
            next += 1;
            if !writer.write(&done) {
                // The output is gone: stop reading (the reader sees no tokens come back) and
                // leave the threads to end with the process.
                break 'receive;
            }
            let _ = token_tx.send(done.into_spare());
        }
    }
    if writer.failed.is_some() {
        return Some(Ok(()));
    }
    for w in workers {
        if w.join().is_err() {
            return None;
        }
    }
    reader.join().ok()
}

/// The reader thread: batches out as tokens allow, each read into the buffers its token
/// brings.
fn read_batches(
    mut source: Source,
    batch_tx: &SyncSender<Batch>,
    tokens: &Receiver<Spare>,
) -> Result<(), ReadError> {
    let mut first_index = 0;
    let mut seq = 0;
    loop {
        let Ok(Spare { records, lines }) = tokens.recv() else {
            return Ok(());
        };
        let (records, error, end) = next_batch(&mut source, records);
        let n = records.list.len() as u64;
        if n > 0 {
            let batch = Batch {
                seq,
                first_index,
                records,
                lines,
            };
            if batch_tx.send(batch).is_err() {
                return Ok(());
            }
            seq += 1;
            first_index += n;
        }
        if let Some(e) = error {
            return Err(e);
        }
        if end {
            return Ok(());
        }
    }
}

/// Tells the writer when its worker thread dies by a panic, so that the run stops instead of
/// waiting for the batch that will never come.
struct PanicNotice<'a>(&'a SyncSender<Msg>);

impl Drop for PanicNotice<'_> {
    fn drop(&mut self) {
        if thread::panicking() {
            let _ = self.0.send(Msg::WorkerPanicked);
        }
    }
}

/// A worker thread: batches in, result lines out.
fn work(batch_rx: &Mutex<Receiver<Batch>>, done_tx: &SyncSender<Msg>, cx: &Context) {
    let _notice = PanicNotice(done_tx);
    loop {
        let batch = {
            let rx = batch_rx.lock().unwrap_or_else(PoisonError::into_inner);
            match rx.recv() {
                Ok(b) => b,
                Err(_) => return,
            }
        };
        if done_tx.send(Msg::Done(process(batch, cx))).is_err() {
            return;
        }
    }
}

/// The output side: result lines, counts and the progress bar.
struct Writer {
    out: BufWriter<Box<dyn Write>>,
    tally: Tally,
    progress: Progress,
    /// The first write error; nothing more is written after it.
    failed: Option<io::Error>,
}

impl Writer {
    /// Writes a batch's lines; `false` once the output failed (the batch is then not counted).
    fn write(&mut self, done: &Done) -> bool {
        if self.failed.is_some() {
            return false;
        }
        if let Err(e) = self.out.write_all(&done.lines) {
            self.failed = Some(e);
            return false;
        }
        self.tally.merge(&done.tally);
        self.progress.update(self.tally.records);
        true
    }

    fn flush(&mut self) {
        if self.failed.is_none() {
            if let Err(e) = self.out.flush() {
                self.failed = Some(e);
            }
        }
    }

    fn finish(&mut self) {
        self.flush();
        self.progress.finish();
    }
}

/// The progress bar on stderr: bytes of a file of known size, else a spinner; records always.
struct Progress {
    bar: Option<ProgressBar>,
    bytes: Arc<AtomicU64>,
}

impl Progress {
    fn new(wanted: bool, size: Option<u64>, bytes: Arc<AtomicU64>) -> Self {
        if !wanted || !io::stderr().is_terminal() {
            return Progress { bar: None, bytes };
        }
        let target = ProgressDrawTarget::stderr_with_hz(10);
        let bar = match size {
            Some(size) => {
                let bar = ProgressBar::with_draw_target(Some(size), target);
                if let Ok(style) = ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {msg} (eta {eta})",
                ) {
                    bar.set_style(style.progress_chars("=> "));
                }
                bar
            }
            None => {
                let bar = ProgressBar::with_draw_target(None, target);
                if let Ok(style) =
                    ProgressStyle::with_template("{spinner} {elapsed_precise} {bytes} read, {msg}")
                {
                    bar.set_style(style);
                }
                bar
            }
        };
        bar.set_message("0 records");
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            bytes,
        }
    }

    fn update(&self, records: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.bytes.load(Ordering::Relaxed));
            bar.set_message(format!("{records} records"));
        }
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
