//! The command line's arguments (clap derive) and their mapping to [`Options`].

use clap::{Args, Parser, Subcommand, ValueEnum};
use contact_rules::import::dialect::{parse_delimiter, Encoding};
use contact_rules::{
    Blank, DomainMode, EmailCase, Options, PhoneValidity, Region, UnknownKeys, UnknownRegion,
};
use std::num::NonZeroUsize;
use std::path::PathBuf;

/// Validate and normalize contact payloads for the PUT /v1/contacts API.
#[derive(Debug, Parser)]
#[command(name = "contact-rules", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate and normalize payloads in bulk: one NDJSON result line per record, in input order.
    #[command(
        after_help = "See --help for the input formats (CSV cells), the output lines and the exit statuses.",
        after_long_help = CHECK_HELP
    )]
    Check(CheckArgs),
    /// Normalize one value with one field's rule: the value on stdout, or the issue on stderr.
    #[command(after_long_help = NORMALIZE_HELP)]
    Normalize(NormalizeArgs),
}

const CHECK_HELP: &str = "\
Input formats (--input):
  ndjson  One JSON payload per line (the default). Blank lines are skipped and not counted;
          CRLF line ends are fine.
  json    One JSON array of payloads, read element by element (the file is never loaded whole).
  csv     A header row, then one payload per row (the default for FILE.csv, .tsv, .tab, .txt).
          Headers are mapped to payload keys by name and the aliases of common exports
          (--columns auto: 'Email Address', 'E-mail 2 Address', 'Mobile Phone', 'Job Title',
          'Person Linkedin Url', ...; see CSV options), the mapping printed on stderr; with
          --columns exact, each header is a payload key as written. The encoding (UTF-8, UTF-16
          with a byte order mark, Windows-1252) and the delimiter (, ; tab |) are detected;
          lines of notes before the header (LinkedIn's export) are skipped.
          An empty cell is an absent key (CSV cannot say null: use NDJSON for that).
          Cells are strings, except:
          tags            a JSON array if the cell starts with '[' (e.g. [\"6ba7...\",\"...\"]),
                          else UUIDs separated by ',', ';' or white space (quote the cell when
                          it holds commas);
          do_not_contact  exactly true or false is a JSON boolean; other spellings (yes, 0, ...)
                          stay strings for the lax boolean rule.
          email, phone_number  the first value of a Google Contacts cell 'a ::: b'.
          When several columns map to one key (E-mail Address, E-mail 2 Address), each row
          takes the first non-empty one in priority order. A row that cannot be read (a value
          beyond the header's columns, bytes not in the encoding) gets row_invalid.
          Header names are trimmed. A UTF-8 byte order mark at the start of any input is skipped.

Output (one line per record, index counted from 0):
  {\"index\":0,\"ok\":true,\"value\":{...},\"warnings\":[...]}
  {\"index\":1,\"ok\":false,\"errors\":[{\"path\":[...],\"code\":\"...\",\"message\":\"...\"}],\"warnings\":[...]}
  with --fastapi, an invalid record is {\"index\":1,\"ok\":false,\"detail\":[...]} (FastAPI's 422 body).
  A record that is not JSON or not UTF-8 gets invalid_json, one over 1 MiB payload_too_large, and
  the run goes on.

Exit status: 0 all records valid, 1 some invalid, 2 usage or I/O error.

Examples:
  contact-rules check --region US examples/contacts.ndjson
  contact-rules check --summary -o results.ndjson contacts.csv
  contact-rules check --region US --map 'Work Email=email' outlook.csv
  cat contacts.ndjson | contact-rules check --fastapi - | grep '\"ok\":false'";

const NORMALIZE_HELP: &str = "\
Prints the normalized value alone on stdout and exits 0; warnings go to stderr as
'warning: code: message' (exit status still 0). An invalid value prints 'code: message' on
stderr and exits 1; details (ctx) follow on indented lines. Exit status 2: usage error.

Examples:
  contact-rules normalize phone '(415) 555-2671' --region US
  contact-rules normalize email '\"Jane Doe\" <Jane@Acme.com>'";

/// `contact-rules check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Input file; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Input format [default: csv for a FILE ending in .csv, .tsv, .tab or .txt, else ndjson].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input: Option<InputFormat>,

    /// Write the results to FILE instead of standard output (`-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write invalid records in FastAPI's 422 shape.
    ///
    /// An invalid record's line is then {"index":1,"ok":false,"detail":[...]}, each item
    /// {"type","loc":["body",...],"msg","input"?,"ctx"?}; valid records are unchanged.
    #[arg(long)]
    pub fastapi: bool,

    /// Print totals and counts per issue code to standard error at the end.
    ///
    /// Records, valid, invalid; then each error code and each warning code with how many times
    /// it occurred.
    #[arg(long)]
    pub summary: bool,

    /// Worker threads [default: all cores]; 1 runs on one thread (benchmarks).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,

    /// Never show the progress bar.
    ///
    /// It shows only when standard error is a terminal, the results do not go to that terminal
    /// and the input is not typed on it.
    #[arg(long)]
    pub no_progress: bool,

    #[command(flatten)]
    pub field: FieldFlags,

    #[command(flatten)]
    pub payload: PayloadFlags,

    #[command(flatten)]
    pub csv: CsvFlags,
}

/// How a CSV file is read (`check --input csv` only).
#[derive(Debug, Args)]
#[command(next_help_heading = "CSV options")]
pub struct CsvFlags {
    /// How header names become payload keys.
    ///
    /// auto: by name and the aliases of common exports (Google Contacts, Outlook, Salesforce,
    /// HubSpot, Apollo, LinkedIn, Excel), with notes before the header skipped; the mapping is
    /// printed on stderr. exact: each header is a payload key as written.
    #[arg(long, value_enum, value_name = "HOW", default_value_t = ColumnsArg::Auto)]
    pub columns: ColumnsArg,

    /// Map a column to a payload key (repeatable): 'Email Address=email',
    /// 'Connected On=custom_field_<uuid>', 'Fax=-' to leave it out; '#3=email' names the 3rd
    /// column. A key given here takes only these columns, in the order given.
    #[arg(long = "map", value_name = "COLUMN=KEY")]
    pub map: Vec<String>,

    /// Read mappings from a file: one COLUMN=KEY per line (blank lines and lines starting with
    /// '#' skipped), or a JSON object {"COLUMN": "KEY", ...}; --map flags come after it.
    #[arg(long, value_name = "PATH")]
    pub map_file: Option<PathBuf>,

    /// Columns that map to no payload key: left out (and listed on stderr), or kept under
    /// their header name as unknown keys (then --unknown-keys decides). A header of payload
    /// keys only (no alias needed) always keeps them, as --columns exact does.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = UnmappedArg::Drop)]
    pub unmapped: UnmappedArg,

    /// The cell delimiter: ',', ';', tab, '|' or another ASCII character [default: detected
    /// from the first rows].
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter_arg)]
    pub delimiter: Option<u8>,

    /// The file's encoding: utf-8, utf-16le, utf-16be, windows-1252 [default: a byte order
    /// mark, else utf-8 when the first 64 KiB are UTF-8, else windows-1252].
    #[arg(long, value_name = "NAME", value_parser = parse_encoding_arg)]
    pub encoding: Option<Encoding>,
}

/// `--columns`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColumnsArg {
    /// By name and known aliases.
    Auto,
    /// Each header is the payload key.
    Exact,
}

/// `--unmapped`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnmappedArg {
    /// Left out of the payload (listed on stderr).
    Drop,
    /// Kept under the header name, as an unknown key.
    Keep,
}

fn parse_delimiter_arg(s: &str) -> Result<u8, String> {
    parse_delimiter(s).ok_or_else(|| {
        format!("{s:?} is not a delimiter: give one ASCII character such as ';', or tab")
    })
}

fn parse_encoding_arg(s: &str) -> Result<Encoding, String> {
    Encoding::parse(s).ok_or_else(|| {
        format!("unknown encoding {s:?}: use utf-8, utf-16le, utf-16be or windows-1252")
    })
}

impl CsvFlags {
    /// Whether any CSV flag differs from its default.
    pub fn given(&self) -> bool {
        self.columns != ColumnsArg::Auto
            || !self.map.is_empty()
            || self.map_file.is_some()
            || self.unmapped != UnmappedArg::Drop
            || self.delimiter.is_some()
            || self.encoding.is_some()
    }
}

impl CheckArgs {
    /// The input format: `--input`, else CSV for a file named `*.csv`, `*.tsv`, `*.tab` or
    /// `*.txt`, else NDJSON.
    pub fn format(&self) -> InputFormat {
        if let Some(f) = self.input {
            return f;
        }
        let ext = self
            .file
            .as_ref()
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("csv" | "tsv" | "tab" | "txt") => InputFormat::Csv,
            _ => InputFormat::Ndjson,
        }
    }
}

/// `contact-rules normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// Which field's rule to apply.
    #[arg(value_enum)]
    pub field: FieldName,

    /// The value to normalize (quote it; a value starting with '-' is fine).
    #[arg(allow_hyphen_values = true)]
    pub value: String,

    #[command(flatten)]
    pub flags: FieldFlags,
}

/// The input formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON payload per line.
    Ndjson,
    /// One JSON array of payloads.
    Json,
    /// A header row of keys, one payload per row.
    Csv,
}

/// The fields `normalize` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FieldName {
    /// The `email` rule.
    Email,
    /// The `phone_number` rule.
    Phone,
    /// The `linkedin_url` rule.
    Linkedin,
    /// The `domain` rule.
    Domain,
    /// The UUID rule of `account_id` and `tags`.
    Uuid,
    /// The text rule of `first_name`, `last_name`, `title` and `location`.
    Text,
}

/// Options that matter to single fields (both subcommands).
#[derive(Debug, Args)]
#[command(next_help_heading = "Field options")]
pub struct FieldFlags {
    /// Region of phone numbers without a country code (ISO 3166 alpha-2, e.g. US).
    #[arg(long, value_name = "CC", value_parser = parse_region)]
    pub region: Option<Region>,

    /// Pass valid phone numbers only, or also possible ones (with a warning).
    #[arg(long, value_enum, value_name = "WHICH", default_value_t = PhoneValidityArg::Valid)]
    pub phone_validity: PhoneValidityArg,

    /// Lower-case the whole email, or keep its local part as typed.
    #[arg(long, value_enum, value_name = "CASE", default_value_t = EmailCaseArg::Lower)]
    pub email_case: EmailCaseArg,

    /// Normalize `domain` to the registrable domain, or to the whole host.
    #[arg(long, value_enum, value_name = "MODE", default_value_t = DomainModeArg::Registrable)]
    pub domain_mode: DomainModeArg,
}

/// Options that matter to whole payloads (`check` only).
#[derive(Debug, Args)]
#[command(next_help_heading = "Payload options")]
pub struct PayloadFlags {
    /// Unknown keys are an error, dropped, or kept untouched.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = UnknownKeysArg::Error)]
    pub unknown_keys: UnknownKeysArg,

    /// A blank string becomes null, or its key is left out.
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = BlankArg::Null)]
    pub blank: BlankArg,

    /// `do_not_contact` must be a JSON boolean (no "yes", 1, "on", ...).
    #[arg(long)]
    pub no_lax_booleans: bool,

    /// Fill an absent `domain` from a non-free email's domain.
    #[arg(long)]
    pub derive_domain: bool,
}

fn parse_region(s: &str) -> Result<Region, UnknownRegion> {
    Region::parse(s)
}

/// `--phone-validity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PhoneValidityArg {
    /// Only numbers valid by libphonenumber's metadata.
    Valid,
    /// Also numbers of a possible length, with a `phone_possible_only` warning.
    Possible,
}

/// `--email-case`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EmailCaseArg {
    /// The whole address lower-cased.
    Lower,
    /// The domain lower-cased, the local part kept as typed.
    PreserveLocal,
}

/// `--domain-mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DomainModeArg {
    /// The registrable domain by the Public Suffix List.
    Registrable,
    /// The whole host name.
    Host,
}

/// `--unknown-keys`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnknownKeysArg {
    /// An `extra_forbidden` error.
    Error,
    /// Dropped silently.
    Strip,
    /// Kept untouched after the known keys.
    Keep,
}

/// `--blank`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BlankArg {
    /// The field is cleared (null).
    Null,
    /// The key is left out.
    Omit,
}

impl FieldFlags {
    /// Options with these flags set, the rest default.
    pub fn options(&self) -> Options {
        Options {
            default_region: self.region,
            phone_validity: match self.phone_validity {
                PhoneValidityArg::Valid => PhoneValidity::Valid,
                PhoneValidityArg::Possible => PhoneValidity::Possible,
            },
            email_case: match self.email_case {
                EmailCaseArg::Lower => EmailCase::Lower,
                EmailCaseArg::PreserveLocal => EmailCase::PreserveLocal,
            },
            domain_mode: match self.domain_mode {
                DomainModeArg::Registrable => DomainMode::Registrable,
                DomainModeArg::Host => DomainMode::Host,
            },
            ..Options::default()
        }
    }
}

impl CheckArgs {
    /// The options all the flags of `check` describe.
    pub fn options(&self) -> Options {
        Options {
            unknown_keys: match self.payload.unknown_keys {
                UnknownKeysArg::Error => UnknownKeys::Error,
                UnknownKeysArg::Strip => UnknownKeys::Strip,
                UnknownKeysArg::Keep => UnknownKeys::Keep,
            },
            blank: match self.payload.blank {
                BlankArg::Null => Blank::Null,
                BlankArg::Omit => Blank::Omit,
            },
            lax_booleans: !self.payload.no_lax_booleans,
            derive_domain_from_email: self.payload.derive_domain,
            ..self.field.options()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn flags_map_to_options() {
        let cli = Cli::try_parse_from([
            "contact-rules",
            "check",
            "--region",
            "us",
            "--phone-validity",
            "possible",
            "--unknown-keys",
            "keep",
            "--blank",
            "omit",
            "--email-case",
            "preserve-local",
            "--domain-mode",
            "host",
            "--no-lax-booleans",
            "--derive-domain",
        ])
        .unwrap();
        let Command::Check(args) = cli.command else {
            panic!("not check")
        };
        let o = args.options();
        assert_eq!(o.default_region.map(|r| r.to_string()), Some("US".into()));
        assert_eq!(o.phone_validity, PhoneValidity::Possible);
        assert_eq!(o.unknown_keys, UnknownKeys::Keep);
        assert_eq!(o.blank, Blank::Omit);
        assert_eq!(o.email_case, EmailCase::PreserveLocal);
        assert_eq!(o.domain_mode, DomainMode::Host);
        assert!(!o.lax_booleans);
        assert!(o.derive_domain_from_email);
    }

    #[test]
    fn defaults_are_the_libraries() {
        let cli = Cli::try_parse_from(["contact-rules", "check"]).unwrap();
        let Command::Check(args) = cli.command else {
            panic!("not check")
        };
        assert_eq!(args.options(), Options::default());
    }
}
