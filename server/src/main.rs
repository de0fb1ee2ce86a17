//! `contact-rules-server`: the CRM's `PUT /v1/contacts` upsert API on the contact-rules axum
//! extractor and SQLite, also serving the demo page (`www/`) and the built npm package
//! (`pkg/`), so one command starts the API and the demo together.
//!
//! ```text
//! contact-rules-server [--db PATH] [--listen ADDR] [--region CC] [--options JSON] [--www DIR] [--pkg DIR]
//! ```
//!
//! It prints `contact-rules-server: listening on http://ADDR/` once it accepts connections
//! (with `--listen 127.0.0.1:0`, the port the system chose).
#![forbid(unsafe_code)]

mod api;
mod db;
mod files;
mod time;

use clap::Parser;
use contact_rules::{Options, Region, UnknownKeys};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// The contact-rules upsert API and demo page.
#[derive(Parser, Debug)]
#[command(name = "contact-rules-server", version, about)]
struct Args {
    /// The SQLite database file (created when missing).
    #[arg(long, default_value = "contacts.db")]
    db: PathBuf,
    /// The address to listen on (port 0: any free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// The default region for phone numbers written without a country code (ISO 3166
    /// alpha-2, e.g. US); none by default, as the API.
    #[arg(long)]
    region: Option<Region>,
    /// Every other option as the library's JSON (snake_case, SPEC.md §3), e.g.
    /// '{"phone_validity": "possible", "unknown_keys": "strip"}'; --region wins over its
    /// default_region.
    #[arg(long, value_name = "JSON", value_parser = parse_options)]
    options: Option<Options>,
    /// The demo page's directory.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../www"))]
    www: PathBuf,
    /// The built npm package's directory (bash scripts/build-pkg.sh).
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../pkg"))]
    pkg: PathBuf,
}

fn parse_options(s: &str) -> Result<Options, String> {
    serde_json::from_str(s).map_err(|e| format!("invalid options: {e}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("contact-rules-server: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(args))
}

async fn run(args: Args) -> ExitCode {
    let db = match db::Db::open(&args.db) {
        Ok(db) => db,
        Err(e) => {
            eprintln!(
                "contact-rules-server: cannot open the database {}: {e}",
                args.db.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let mut options = args.options.unwrap_or_default();
    if args.region.is_some() {
        options.default_region = args.region;
    }
    if options.unknown_keys == UnknownKeys::Keep {
        // Kept keys would be stored next to the API's own (`id`, `created_at`) and could
        // shadow them; the API stores only the payload's fields and custom_field_<uuid>.
        eprintln!("contact-rules-server: unknown_keys \"keep\" is not supported: use \"error\" or \"strip\"");
        return ExitCode::FAILURE;
    }
    let state = api::AppState {
        options,
        db,
        www: args.www,
        pkg: args.pkg,
    };
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "contact-rules-server: cannot listen on {}: {e}",
                args.listen
            );
            return ExitCode::FAILURE;
        }
    };
    let addr = listener.local_addr().unwrap_or(args.listen);
    println!("contact-rules-server: listening on http://{addr}/");
    let _ = std::io::stdout().flush();
    let served = axum::serve(listener, api::router(state))
        .with_graceful_shutdown(shutdown())
        .await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("contact-rules-server: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on SIGINT or SIGTERM: in-flight requests finish, then the server exits.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
