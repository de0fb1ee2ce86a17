//! `contact-rules check`: stream records through validation on every core, results in input
//! order.
//!
//! Each worker thread takes a free set of buffers, reads the next batch of records into them
//! (one worker reads at a time), validates the batch and encodes its result lines, then writes
//! every batch that is next in input order; a batch that finishes early waits in a reorder
//! buffer. A batch may only be read into one of a fixed number of buffer sets ([`Spare`]),
//! and a set comes back, cleared, once its batch is written, so memory stays flat however
//! large the input is and a run allocates the buffers `in_flight` times, not once a batch.
//! The thread that reads a batch validates it, and no thread wakes another while buffers are
//! free: a run over 100,000 records switches threads a few dozen times, not a thousand.
//! With `--jobs 1` everything runs on the main thread, on one set of buffers.

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
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
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

/// A validated batch: its result lines and counts (and its records, whose buffers are read
/// into again once the lines are written).
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

    let (sink, to_terminal): (Box<dyn Write + Send>, bool) = match &args.output {
        Some(p) if p.as_os_str() != "-" => match File::create(p) {
            Ok(f) => (Box::new(f), false),
            Err(e) => {
                print_error(&format!("cannot create {}: {e}", p.display()));
                return exit::usage();
            }
        },
        _ => (Box::new(io::stdout()), io::stdout().is_terminal()),
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
        match parallel(source, &cx, jobs, &mut writer) {
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
fn sequential(source: Source, cx: &Context, writer: &mut Writer) -> Result<(), ReadError> {
    let mut input = Input::new(source);
    let mut spare = Spare::default();
    while let Some(batch) = input.next(spare) {
        let done = process(batch, cx);
        if !writer.write(&done) {
            return Ok(());
        }
        if input.source.would_block() {
            writer.flush();
        }
        spare = done.into_spare();
    }
    input.error.map_or(Ok(()), Err)
}

/// `jobs` worker threads, each reading a batch, validating it and writing what is ready, in
/// input order. `None` when a worker panicked or could not be started.
fn parallel(
    source: Source,
    cx: &Context,
    jobs: usize,
    writer: &mut Writer,
) -> Option<Result<(), ReadError>> {
    // At most this many batches are read but not yet written, wherever they are.
    let in_flight = 2 * jobs + 2;
    let shared = Shared {
        input: Mutex::new(Input::new(source)),
        output: Mutex::new(Output {
            writer,
            pending: BTreeMap::new(),
            next: 0,
            spares: (0..in_flight).map(|_| Spare::default()).collect(),
            stop: None,
        }),
        freed: Condvar::new(),
    };
    let stop = thread::scope(|scope| {
        let mut workers = Vec::with_capacity(jobs);
        for i in 0..jobs {
            let spawned = thread::Builder::new()
                .name(format!("worker-{i}"))
                .spawn_scoped(scope, || work(&shared, cx));
            match spawned {
                Ok(h) => workers.push(h),
                Err(e) => {
                    print_error(&format!("cannot start a thread: {e}"));
                    shared.stop(Stop::Failed);
                    break;
                }
            }
        }
        // A worker that panicked has told the others to stop; its join says so too. Every
        // worker is joined here (the scope would panic over one left to it that panicked).
        let mut panicked = false;
        for w in workers {
            panicked |= w.join().is_err();
        }
        let stop = lock(&shared.output).stop;
        if panicked {
            Some(Stop::Failed)
        } else {
            stop
        }
    });
    match stop {
        Some(Stop::Failed) => None,
        Some(Stop::Output) => Some(Ok(())),
        None => {
            let input = shared
                .input
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner);
            Some(input.error.map_or(Ok(()), Err))
        }
    }
}

/// What the workers of [`parallel`] share. A worker holds one lock at a time.
struct Shared<'w> {
    input: Mutex<Input>,
    output: Mutex<Output<'w>>,
    /// Signalled when a written batch's buffers come back, or when the run stops.
    freed: Condvar,
}

/// The input side: where the next batch is read from, and its place in the input.
struct Input {
    source: Source,
    seq: u64,
    first_index: u64,
    /// The input ended or failed: nothing more is read.
    ended: bool,
    error: Option<ReadError>,
}

impl Input {
    fn new(source: Source) -> Self {
        Input {
            source,
            seq: 0,
            first_index: 0,
            ended: false,
            error: None,
        }
    }

    /// The next batch, read into `spare`'s buffers and numbered; `None` once the input has
    /// ended. A read error ends the input (it is kept in `error`) after the batch of the
    /// records read before it.
    fn next(&mut self, spare: Spare) -> Option<Batch> {
        if self.ended {
            return None;
        }
        let (records, error, end) = next_batch(&mut self.source, spare.records);
        self.ended = end;
        self.error = error;
        // A batch comes back empty only at the end of the input.
        let n = records.list.len() as u64;
        if n == 0 {
            return None;
        }
        let batch = Batch {
            seq: self.seq,
            first_index: self.first_index,
            records,
            lines: spare.lines,
        };
        self.seq += 1;
        self.first_index += n;
        Some(batch)
    }
}

/// The output side: batches done early wait in `pending` until the one before them is
/// written; `spares` are the buffers of written batches, and a batch may only be read into
/// one of them, so memory stays flat however large the input is.
struct Output<'w> {
    writer: &'w mut Writer,
    pending: BTreeMap<u64, Done>,
    next: u64,
    spares: Vec<Spare>,
    stop: Option<Stop>,
}

/// Why workers stop before the input ends.
#[derive(Clone, Copy)]
enum Stop {
    /// The output failed (the error is in the writer).
    Output,
    /// A worker panicked (a bug; the panic message is already on stderr) or could not start.
    Failed,
}

impl Shared<'_> {
    fn stop(&self, why: Stop) {
        let mut out = lock(&self.output);
        if out.stop.is_none() {
            out.stop = Some(why);
        }
        drop(out);
        self.freed.notify_all();
    }
}

/// Locks a mutex, also after a panic elsewhere (the data stays consistent: a worker changes
/// it only in steps that cannot panic, and a panic stops the run anyway).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Tells the other workers to stop when this one dies by a panic, so that none waits for
/// buffers that the missing batch holds.
struct PanicNotice<'a, 'w>(&'a Shared<'w>);

impl Drop for PanicNotice<'_, '_> {
    fn drop(&mut self) {
        if thread::panicking() {
            self.0.stop(Stop::Failed);
        }
    }
}

/// A worker thread: takes free buffers, reads a batch into them, validates it, and writes
/// every batch that is next in order. The thread that reads a batch is the one that validates
/// it, with the text still in its cache, and no thread wakes another while buffers are free.
fn work(shared: &Shared, cx: &Context) {
    let _notice = PanicNotice(shared);
    loop {
        let spare = {
            let mut out = lock(&shared.output);
            loop {
                if out.stop.is_some() {
                    return;
                }
                if let Some(spare) = out.spares.pop() {
                    break spare;
                }
                out = shared
                    .freed
                    .wait(out)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        let Some(batch) = lock(&shared.input).next(spare) else {
            return;
        };
        let done = process(batch, cx);
        let mut out = lock(&shared.output);
        if out.stop.is_some() {
            return;
        }
        out.pending.insert(done.seq, done);
        let mut written = false;
        loop {
            let next = out.next;
            let Some(done) = out.pending.remove(&next) else {
                break;
            };
            if !out.writer.write(&done) {
                drop(out);
                shared.stop(Stop::Output);
                return;
            }
            out.next += 1;
            out.spares.push(done.into_spare());
            written = true;
        }
        if written {
            if out.pending.is_empty() {
                // Nothing else ready: let what was written so far out.
                out.writer.flush();
            }
            drop(out);
            shared.freed.notify_all();
        }
    }
}

/// The output side: result lines, counts and the progress bar.
struct Writer {
    out: BufWriter<Box<dyn Write + Send>>,
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
