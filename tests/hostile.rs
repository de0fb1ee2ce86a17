//! The command line against a hostile corpus (SPEC.md §5): non-object JSON, 100,000-deep
//! nesting, 5 and 20 MB strings, 5,000 tags, 2,000 custom fields, invalid UTF-8, lone surrogate
//! escapes, CRLF, `__proto__` and `constructor` keys, numbers out of range, control and bidi
//! characters. Every record gets exactly one result, in order, with the codes of SPEC.md, and
//! the whole run stays within a time and a memory bound.
//!
//! The inputs are built here (nothing big is committed) and streamed to the binary's standard
//! input; the binary runs with `--jobs 2`. Peak memory is the child's maximum resident set size
//! from `/usr/bin/time -f %M` (Debian's `time` package) or, without it, the highest `VmHWM` seen
//! while polling `/proc/<pid>/status`.
//!
//! Bounds (generous, for a loaded 2-core machine and the unoptimized test build):
//! - time: [`MAX_SECONDS`] for each corpus run (the NDJSON one is about 210 MB of input);
//! - memory: [`MAX_RSS_MB`] of peak RSS, less than the input (one record alone is 150 MB) —
//!   the reader keeps at most one record's first 1 MiB + 1 byte, and at most `2 × jobs + 2`
//!   batches of at most 512 records or about 1 MiB are in flight.
#![cfg(feature = "cli")]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_contact-rules");

/// Wall-time bound of one corpus run, in seconds.
const MAX_SECONDS: u64 = 60;
/// Peak resident set size bound of the binary, in MiB.
const MAX_RSS_MB: u64 = 128;

#[path = "support/hostile_corpus.rs"]
mod hostile_corpus;

use hostile_corpus::{corpus, uuid, Case, Want, MIB};

/// How a run of the binary went.
struct Run {
    lines: Vec<Value>,
    code: i32,
    stderr: String,
    elapsed: Duration,
    peak_rss_kb: Option<u64>,
}

/// Runs `contact-rules check --jobs 2 <args>`, streaming `write` into its standard input.
fn run_check(args: &[&str], write: impl FnOnce(&mut dyn Write) + Send + 'static) -> Run {
    let time = Path::new("/usr/bin/time");
    let rss_file = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "hostile-rss-{}-{}.txt",
        std::process::id(),
        args.join("")
    ));
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg(BIN);
        c
    } else {
        Command::new(BIN)
    };
    cmd.args(["check", "--jobs", "2", "--no-progress"])
        .args(args);
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("piped");
    let feeder = std::thread::spawn(move || {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, &mut stdin);
        write(&mut w);
        let _ = w.flush();
    });
    // Without /usr/bin/time: poll the child's high-water mark while it runs.
    let poller = (!time.exists()).then(|| {
        std::thread::spawn(move || {
            let mut peak = 0u64;
            let status = format!("/proc/{pid}/status");
            while let Ok(s) = std::fs::read_to_string(&status) {
                let hwm = s
                    .lines()
                    .find_map(|l| l.strip_prefix("VmHWM:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok());
                match hwm {
                    Some(kb) => peak = peak.max(kb),
                    None => break, // exited (a zombie has no memory)
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            peak
        })
    });
    let stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut s);
        s
    });
    let lines: Vec<Value> = BufReader::new(stdout)
        .lines()
        .map(|l| {
            let l = l.expect("the output is UTF-8 lines");
            serde_json::from_str(&l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l:.200}"))
        })
        .collect();
    let status = child.wait().expect("the binary ends");
    let elapsed = start.elapsed();
    feeder.join().expect("the feeder thread");
    let stderr = err_reader.join().expect("the stderr thread");
    let peak_rss_kb = match poller {
        Some(p) => Some(p.join().expect("the poller thread")),
        None => std::fs::read_to_string(&rss_file)
            .ok()
            .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok())),
    };
    let _ = std::fs::remove_file(&rss_file);
    Run {
        lines,
        code: status.code().expect("exited, not killed"),
        stderr,
        elapsed,
        peak_rss_kb,
    }
}

/// Checks one result line per case, in order, with the wanted codes and paths.
fn check_results(cases: &[&Case], run: &Run) {
    assert!(
        !run.stderr.contains("panicked"),
        "the binary panicked: {}",
        run.stderr
    );
    assert_eq!(
        run.code, 1,
        "some records are invalid: exit 1; stderr: {}",
        run.stderr
    );
    assert_eq!(
        run.lines.len(),
        cases.len(),
        "one result per record; stderr: {}",
        run.stderr
    );
    for (i, (c, line)) in cases.iter().zip(&run.lines).enumerate() {
        assert_eq!(line["index"], i, "{}: index", c.name);
        match &c.want {
            Want::Ok => assert_eq!(
                line["ok"],
                true,
                "{}: {:.300}",
                c.name,
                line["errors"].to_string()
            ),
            Want::Errors(want) => {
                assert_eq!(line["ok"], false, "{}", c.name);
                let got: Vec<(Value, String)> = line["errors"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{}: no errors: {line:.300}", c.name))
                    .iter()
                    .map(|e| {
                        (
                            e["path"].clone(),
                            e["code"].as_str().unwrap_or("").to_owned(),
                        )
                    })
                    .collect();
                let want: Vec<(Value, String)> = want
                    .iter()
                    .map(|(p, c)| (p.clone(), (*c).to_owned()))
                    .collect();
                assert!(
                    got == want,
                    "{}: want {want:?}, got {:.500}",
                    c.name,
                    format!("{got:?}")
                );
                for e in line["errors"].as_array().into_iter().flatten() {
                    assert!(
                        e["message"].as_str().is_some_and(|m| !m.is_empty()),
                        "{}: an error without a message",
                        c.name
                    );
                }
            }
        }
    }
}

fn check_bounds(what: &str, run: &Run) {
    eprintln!(
        "{what}: {} records in {:.1} s, peak RSS {}",
        run.lines.len(),
        run.elapsed.as_secs_f64(),
        run.peak_rss_kb
            .map_or("unknown".to_string(), |kb| format!("{} MiB", kb / 1024))
    );
    assert!(
        run.elapsed < Duration::from_secs(MAX_SECONDS),
        "{what}: took {:?}, over the {MAX_SECONDS} s bound",
        run.elapsed
    );
    if let Some(kb) = run.peak_rss_kb {
        assert!(
            kb < MAX_RSS_MB * 1024,
            "{what}: peak RSS {} MiB, over the {MAX_RSS_MB} MiB bound",
            kb / 1024
        );
    }
}

#[test]
fn ndjson_hostile_corpus() {
    let cases = Arc::new(corpus());
    let feed = Arc::clone(&cases);
    let run = run_check(&[], move |w| {
        // A byte order mark first; blank lines (one of 5 MB of spaces) between records, which
        // are skipped and not counted; CRLF line ends on every other record; no newline after
        // the last one.
        let _ = w.write_all(b"\xef\xbb\xbf");
        for (i, c) in feed.iter().enumerate() {
            if i == 3 {
                let _ = w.write_all(&vec![b' '; 5 * MIB]);
                let _ = w.write_all(b"\n\n\t\r\n");
            }
            if w.write_all(&(c.bytes)()).is_err() {
                return;
            }
            if i + 1 < feed.len() {
                let _ = w.write_all(if i % 2 == 0 { b"\r\n" } else { b"\n" });
            }
        }
    });
    let refs: Vec<&Case> = cases.iter().collect();
    check_results(&refs, &run);
    check_bounds("ndjson", &run);
}

#[test]
fn json_array_hostile_corpus() {
    let cases: Arc<Vec<Case>> = Arc::new(corpus().into_iter().filter(|c| c.balanced).collect());
    let feed = Arc::clone(&cases);
    let run = run_check(&["--input", "json"], move |w| {
        let _ = w.write_all(b" [\n");
        for (i, c) in feed.iter().enumerate() {
            if i > 0 {
                let _ = w.write_all(b",\r\n");
            }
            if w.write_all(&(c.bytes)()).is_err() {
                return;
            }
        }
        let _ = w.write_all(b"\n]\n");
    });
    let refs: Vec<&Case> = cases.iter().collect();
    check_results(&refs, &run);
    check_bounds("json array", &run);
}

#[test]
fn csv_hostile_rows() {
    // --columns exact: the header names are the keys (`__proto__` included).
    let run = run_check(&["--input", "csv", "--columns", "exact"], |w| {
        let mut s = Vec::new();
        s.extend_from_slice(b"email,first_name,tags,__proto__,do_not_contact\r\n");
        // 0: fine, CRLF row ends.
        s.extend_from_slice(b"jane@acme.com,Jane,,,\r\n");
        // 1: a 5 MB cell: payload_too_large.
        s.extend_from_slice(b"jane@acme.com,");
        s.extend(vec![b'x'; 5 * MIB]);
        s.extend_from_slice(b",,,\r\n");
        // 2: not UTF-8 (the file's first 64 KiB are): row_invalid.
        s.extend_from_slice(b"jane@acme.com,B\xe9a,,,\r\n");
        // 3: 5,000 tags in one cell.
        let tags: Vec<String> = (0..5000).map(uuid).collect();
        s.extend_from_slice(format!("jane@acme.com,,\"{}\",,\r\n", tags.join(",")).as_bytes());
        // 4: the __proto__ column: an unknown key.
        s.extend_from_slice(b"jane@acme.com,,,x,\r\n");
        // 5: more cells than columns: row_invalid.
        s.extend_from_slice(b"jane@acme.com,a,,,,extra\r\n");
        // 6: a quoted cell with a CRLF and a bidi override: control_characters.
        s.extend_from_slice("jane@acme.com,\"Ja\r\nne\u{202e}\",,,\r\n".as_bytes());
        // 7: do_not_contact that is not a boolean.
        s.extend_from_slice(b"jane@acme.com,,,,maybe\r\n");
        let _ = w.write_all(&s);
    });
    let want: Vec<Vec<(Value, &str)>> = vec![
        vec![],
        vec![(json!([]), "payload_too_large")],
        vec![(json!([]), "row_invalid")],
        vec![(json!(["tags"]), "payload_too_large")],
        vec![(json!(["__proto__"]), "extra_forbidden")],
        vec![(json!([]), "row_invalid")],
        vec![(json!(["first_name"]), "control_characters")],
        vec![(json!(["do_not_contact"]), "bool_parsing")],
    ];
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(run.lines.len(), want.len(), "stderr: {}", run.stderr);
    for (i, (line, want)) in run.lines.iter().zip(&want).enumerate() {
        assert_eq!(line["index"], i);
        let got: Vec<(Value, &str)> = line["errors"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|e| (e["path"].clone(), e["code"].as_str().unwrap_or("")))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(&got, want, "row {i}");
    }
    check_bounds("csv", &run);
}

/// The `normalize` subcommand with a long argument (128 KiB, the most one argument can hold on
/// Linux) for each field: one clear issue, exit 1, promptly.
#[test]
fn normalize_long_values() {
    let long = "9".repeat(128 * 1024 - 1);
    for (field, code) in [
        ("email", "email_invalid"),
        ("phone", "phone_too_long"),
        ("linkedin", "linkedin_url_invalid"),
        ("domain", "domain_invalid"),
        ("uuid", "uuid_parsing"),
        ("text", "string_too_long"),
    ] {
        let start = Instant::now();
        let out = Command::new(BIN)
            .args(["normalize", field, &long])
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{field}: {stderr}");
        assert!(out.stdout.is_empty(), "{field}");
        assert!(
            stderr.starts_with(code),
            "{field}: want {code}, got {stderr:.200}"
        );
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{field}: {:?}",
            start.elapsed()
        );
    }
}
