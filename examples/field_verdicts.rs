//! The library's verdicts for many inputs in one process, for `scripts/agreement.py`.
//!
//! Field mode (default) reads NDJSON lines
//! `{"field": "email|phone|linkedin|domain|uuid|text", "input": "...", "region": "US"|null}`
//! and writes one line per input, in order: `{"ok": bool, "value": string|null, "code":
//! string|null}`, from the field's `normalize` with `Options::default()` and the line's
//! `default_region`. An unknown region gives code `region_unknown`, an unknown field
//! `field_unknown`, a line that is not such an object `invalid_json`.
//!
//! Contact mode (`--contacts [--region CC]`) reads one payload per line and writes
//! `{"ok": bool, "value": {...}|null, "errors": [codes], "warnings": [codes]}` from
//! `validate_contact_str` with the default options and that region.
//!
//! Blank lines are skipped. A panic in a rule does not stop the run: its line is
//! `{"ok": false, "value": null, "code": "panic", "panic": "message"}`, a count goes to stderr
//! and the exit status is 3, so callers can report it plainly.
//!
//! ```text
//! cargo build --release --example field_verdicts
//! echo '{"field":"uuid","input":"{6BA7B810-9DAD-11D1-80B4-00C04FD430C8}","region":null}' \
//!   | target/release/examples/field_verdicts
//! ```

use contact_rules::{validate_contact_str, Options, Region};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::io::{self, BufRead, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

thread_local! {
    /// The message of the last panic on this thread (the hook stores it, the caller takes it).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn panic_message(info: &panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic with a non-string payload".to_owned());
    match info.location() {
        Some(l) => format!("{msg} at {}:{}", l.file(), l.line()),
        None => msg,
    }
}

/// Runs `f`, turning a panic into `Err(message)`.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "panic".to_owned())
    })
}

fn panic_line(message: &str) -> Value {
    json!({"ok": false, "value": null, "code": "panic", "panic": message})
}

fn field_line(line: &str, panics: &mut u64) -> Value {
    let fail = |code: &str| json!({"ok": false, "value": null, "code": code});
    let Ok(req) = serde_json::from_str::<Value>(line) else {
        return fail("invalid_json");
    };
    let (Some(field), Some(input)) = (
        req.get("field").and_then(Value::as_str),
        req.get("input").and_then(Value::as_str),
    ) else {
        return fail("invalid_json");
    };
    let mut options = Options::default();
    match req.get("region") {
        None | Some(Value::Null) => {}
        Some(Value::String(code)) => match Region::parse(code) {
            Ok(r) => options.default_region = Some(r),
            Err(_) => return fail("region_unknown"),
        },
        Some(_) => return fail("region_unknown"),
    }
    let Some(rule) = contact_rules::field_rule(field) else {
        return fail("field_unknown");
    };
    match guarded(|| rule(input, &options)) {
        Ok(Ok(n)) => json!({"ok": true, "value": n.value, "code": null}),
        Ok(Err(issue)) => json!({"ok": false, "value": null, "code": issue.code.as_str()}),
        Err(message) => {
            *panics += 1;
            panic_line(&message)
        }
    }
}

fn contact_line(line: &str, options: &Options, panics: &mut u64) -> Value {
    let codes = |issues: &[contact_rules::Issue]| -> Vec<&'static str> {
        issues.iter().map(|i| i.code.as_str()).collect()
    };
    match guarded(|| validate_contact_str(line, options)) {
        Ok(out) => {
            let value = match &out.value {
                Some(c) => serde_json::to_value(c).unwrap_or(Value::Null),
                None => Value::Null,
            };
            json!({
                "ok": out.is_valid(),
                "value": value,
                "errors": codes(&out.errors),
                "warnings": codes(&out.warnings),
            })
        }
        Err(message) => {
            *panics += 1;
            panic_line(&message)
        }
    }
}

fn main() -> ExitCode {
    let mut contacts = false;
    let mut region: Option<Region> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--contacts" => contacts = true,
            "--region" => match args.next().map(|c| Region::parse(&c)) {
                Some(Ok(r)) => region = Some(r),
                Some(Err(e)) => {
                    eprintln!("field_verdicts: {e}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("field_verdicts: --region needs a value");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprintln!("usage: field_verdicts [--contacts [--region CC]] < input.ndjson");
                return ExitCode::from(2);
            }
        }
    }
    // Panics are reported per line; keep the default hook's message out of stderr.
    panic::set_hook(Box::new(|info| {
        let msg = panic_message(info);
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
    }));
    let options = Options {
        default_region: region,
        ..Options::default()
    };

    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut buf = Vec::new();
    let mut panics = 0u64;
    let mut first_panic: Option<String> = None;
    loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("field_verdicts: cannot read stdin: {e}");
                return ExitCode::from(2);
            }
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s.trim_end_matches(['\n', '\r']),
            Err(_) => {
                // Not UTF-8: reported like a line that is not JSON.
                let v = if contacts {
                    json!({"ok": false, "value": null, "errors": ["invalid_json"], "warnings": []})
                } else {
                    json!({"ok": false, "value": null, "code": "invalid_json"})
                };
                if writeln!(out, "{v}").is_err() {
                    return ExitCode::from(2);
                }
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let before = panics;
        let v = if contacts {
            contact_line(line, &options, &mut panics)
        } else {
            field_line(line, &mut panics)
        };
        if panics > before && first_panic.is_none() {
            first_panic = Some(format!(
                "{} (input: {})",
                v["panic"].as_str().unwrap_or("panic"),
                line.chars().take(200).collect::<String>()
            ));
        }
        if writeln!(out, "{v}").is_err() {
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    if let Some(first) = first_panic {
        eprintln!("field_verdicts: {panics} input(s) panicked; first: {first}");
        return ExitCode::from(3);
    }
    ExitCode::SUCCESS
}
