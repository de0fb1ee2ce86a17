//! Importing spreadsheets: column mapping, dialects (encoding, delimiter, notes before the
//! header) and rows as payloads — one implementation for the command line (`check`) and the
//! npm package (the demo page's bulk import), so that both read a file alike.
//!
//! - [`columns`]: which payload key each column becomes (aliases of the exports people have,
//!   their traps, priorities, ambiguity);
//! - [`dialect`]: the file's encoding and delimiter;
//! - [`header_row`]: which of the first rows is the header (LinkedIn's export starts with notes);
//! - [`row_payload`]: a row as a payload;
//! - [`Importer`]: a whole file, fed chunk by chunk, as payloads (what the npm package runs).

pub mod columns;
mod decode;
pub mod dialect;
pub mod reader;
mod row;

pub use reader::{Importer, Row, Settings};
pub use row::{row_payload, tags_cell, RowReader};

use columns::{Mapping, Unmapped};

/// How many rows of a file's start may come before the header.
pub const HEADER_SEARCH_ROWS: usize = 16;

/// Which of a file's first rows is its header: the first row when one of its cells maps to a
/// payload key, else the first of the next rows in which at least two cells do (the rows
/// before it are notes, as in LinkedIn's export), else the first row.
///
/// # Example
/// ```
/// use contact_rules::import::header_row;
/// let rows = [vec!["Notes:"], vec!["When exporting your connection data, ..."], vec!["First Name", "Last Name", "URL"]];
/// assert_eq!(header_row(&rows), 2);
/// ```
pub fn header_row<S: AsRef<str>>(rows: &[Vec<S>]) -> usize {
    let mapped = |row: &Vec<S>| {
        Mapping::suggest(row, Unmapped::Drop)
            .columns
            .iter()
            .filter(|c| c.key.is_some())
            .count()
    };
    match rows.first() {
        Some(first) if mapped(first) >= 1 => 0,
        _ => rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .position(|r| mapped(r) >= 2)
            .unwrap_or(0),
    }
}
