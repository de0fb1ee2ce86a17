//! The `email_address` crate's verdicts next to this crate's email rule, for
//! `scripts/compare_email_address.py` (which adds pydantic's `EmailStr` and prints the table
//! the README's Dependencies section quotes).
//!
//! Reads NDJSON lines `{"raw": "...", "stripped": "..."}` and writes one line per input, in
//! order: `{"strict": V, "display": V, "default": V, "port": {"ok", "value", "code"}}`, each V
//! `null` (accepted) or the crate's error variant (`"InvalidCharacter"`, ...).
//! `strict` is `email_address::EmailAddress::parse_with_options` on `stripped` with its
//! strictest options (a top-level domain required, no domain literal, no display name, local
//! parts capped at 64 bytes: the crate's default cap), `display` the same with display names
//! allowed (`Name <addr>`, which `EmailStr` accepts), `default` with `Options::default()`.
//! `port` is `contact_rules::email::normalize` on `raw` with `Options::default()`. `stripped`
//! is what the references get: the input trimmed and without `mailto:` (the rule's documented
//! pre-processing, which `scripts/agreement.py` applies for `EmailStr` too), or the raw input
//! itself for the public test inputs.
//!
//! `email_address` is a native dev-dependency: nothing of it reaches the library or the `.wasm`.
//!
//! ```text
//! cargo build --release --example compare_email_address
//! echo '{"raw":" a@b.example ","stripped":"a@b.example"}' \
//!   | target/release/examples/compare_email_address
//! ```

use email_address::{EmailAddress, Options as EaOptions};
use serde_json::{json, Value};
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

/// `email_address` 0.2's strictest settings.
fn strictest() -> EaOptions {
    EaOptions::default()
        .with_required_tld()
        .without_domain_literal()
        .without_display_text()
}

fn verdict(input: &str, options: EaOptions) -> Value {
    match EmailAddress::parse_with_options(input, options) {
        Ok(_) => Value::Null,
        Err(e) => Value::String(format!("{e:?}")),
    }
}

fn line_out(line: &str) -> Result<Value, String> {
    let req: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let (Some(raw), Some(stripped)) = (
        req.get("raw").and_then(Value::as_str),
        req.get("stripped").and_then(Value::as_str),
    ) else {
        return Err("a line needs the strings \"raw\" and \"stripped\"".into());
    };
    let port = match contact_rules::email::normalize(raw, &contact_rules::Options::default()) {
        Ok(n) => json!({"ok": true, "value": n.value, "code": null}),
        Err(issue) => json!({"ok": false, "value": null, "code": issue.code.as_str()}),
    };
    Ok(json!({
        "strict": verdict(stripped, strictest()),
        "display": verdict(stripped, strictest().with_display_text()),
        "default": verdict(stripped, EaOptions::default()),
        "port": port,
    }))
}

fn main() -> ExitCode {
    if std::env::args().len() > 1 {
        eprintln!("usage: compare_email_address < input.ndjson");
        return ExitCode::from(2);
    }
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("compare_email_address: cannot read line {}: {e}", n + 1);
                return ExitCode::from(2);
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match line_out(&line) {
            Ok(v) => {
                if writeln!(out, "{v}").is_err() {
                    return ExitCode::from(2);
                }
            }
            Err(e) => {
                eprintln!("compare_email_address: line {}: {e}", n + 1);
                return ExitCode::from(2);
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
