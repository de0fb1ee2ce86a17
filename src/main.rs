//! The `contact-rules` command line.
//!
//! `contact-rules check [OPTIONS] [FILE]` validates and normalizes contact payloads in bulk
//! (NDJSON, a JSON array or CSV in; one NDJSON result line per record out, in input order), on
//! every core and in flat memory. `contact-rules normalize FIELD VALUE` runs one field's rule.
//! See `contact-rules check --help` and SPEC.md §4.
#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
