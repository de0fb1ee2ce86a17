//! The modules of the `contact-rules` binary: arguments, input splitting, result lines, and the
//! two subcommands.

pub mod args;
pub mod check;
pub mod input;
pub mod normalize;
pub mod results;

use args::{Cli, Command};
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

/// Parses the arguments and runs the subcommand; the process's exit status.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` exit 0, usage errors 2 (clap's convention, and ours).
            let _ = e.print();
            return if e.use_stderr() {
                exit::usage()
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Normalize(args) => normalize::run(&args),
    }
}

/// Writes `error: {message}` to stderr (a closed stderr is ignored).
pub fn print_error(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "error: {message}");
}

/// The exit statuses.
pub mod exit {
    use super::results::Tally;
    use std::process::ExitCode;

    /// 2: a usage or I/O error.
    pub fn usage() -> ExitCode {
        ExitCode::from(2)
    }

    /// 1: some record or value is invalid.
    pub fn invalid() -> ExitCode {
        ExitCode::from(1)
    }

    /// 101, as for a panic: a worker thread panicked (a bug; its message is on stderr).
    pub fn internal() -> ExitCode {
        ExitCode::from(101)
    }

    /// 0 when every record was valid, else 1.
    pub fn for_tally(tally: &Tally) -> ExitCode {
        if tally.invalid() == 0 {
            ExitCode::SUCCESS
        } else {
            invalid()
        }
    }
}
