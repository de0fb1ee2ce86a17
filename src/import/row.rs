//! From a spreadsheet row to a payload, by a [`Mapping`].

use super::columns::Mapping;
use super::dialect::Encoding;
use crate::issue::{Code, FieldIssue, Issue};
use serde_json::{Map, Value};

/// Google Contacts writes several values of one field in one cell, separated by this.
const MULTI_VALUE: &str = " ::: ";

/// A row as a payload: each key takes the first of its columns (in rank order) whose cell is
/// not blank (else the first non-empty one: a blank string, which the `blank` option turns
/// into `null` or leaves out); an empty cell is an absent key. Cells are strings, except:
/// - `tags`: a JSON array if the cell starts with `[` (kept as the string when it is not JSON,
///   so the payload gets `list_type`), else the UUIDs between `,`, `;` and white space;
/// - `do_not_contact`: exactly `true` or `false` is a boolean (other spellings stay strings
///   for the lax boolean rule);
/// - `email`, `phone_number`: the first value of a Google Contacts cell `a ::: b`.
///
/// Unmapped columns kept by the mapping are added under their header name. Keys come in the
/// order of their columns.
///
/// # Errors
/// `row_invalid` when the row has a value beyond the header's columns, or when a cell the
/// mapping uses is not UTF-8 (a file read as UTF-8 that is not); `ctx` names the column.
///
/// # Example
/// ```
/// use contact_rules::import::{columns::{Mapping, Unmapped}, dialect::Encoding, row_payload};
/// let m = Mapping::suggest(&["E-mail Address", "Mobile Phone", "Business Phone"], Unmapped::Drop);
/// let p = row_payload(&m, &[b"jane@acme.com", b"", b"(415) 555-2671"], Encoding::Utf8).unwrap();
/// assert_eq!(p, serde_json::json!({"email": "jane@acme.com", "phone_number": "(415) 555-2671"}));
/// ```
pub fn row_payload(
    mapping: &Mapping,
    cells: &[&[u8]],
    encoding: Encoding,
) -> Result<Value, Box<Issue>> {
    RowReader::new(mapping).payload(cells, encoding)
}

/// [`row_payload`] with the mapping's columns per key worked out once, for reading many rows.
#[derive(Debug, Clone)]
pub struct RowReader {
    /// Each key and its columns in the order a row takes them.
    keys: Vec<(String, Vec<usize>)>,
    /// The unmapped columns kept under their header.
    kept: Vec<(usize, String)>,
    /// Every column's header.
    headers: Vec<String>,
}

impl RowReader {
    /// The reader of rows under `mapping`.
    pub fn new(mapping: &Mapping) -> RowReader {
        RowReader {
            keys: mapping.keys(),
            kept: mapping
                .unmapped()
                .filter(|c| c.keep)
                .map(|c| (c.index, c.header.clone()))
                .collect(),
            headers: mapping.columns.iter().map(|c| c.header.clone()).collect(),
        }
    }

    /// One row as a payload; see [`row_payload`].
    ///
    /// # Errors
    /// As [`row_payload`].
    pub fn payload(&self, cells: &[&[u8]], encoding: Encoding) -> Result<Value, Box<Issue>> {
        let columns = self.headers.len();
        if let Some(extra) = cells
            .iter()
            .enumerate()
            .skip(columns)
            .find(|(_, c)| !c.is_empty())
            .map(|(i, _)| i)
        {
            return Err(row_invalid(
                format!(
                    "This row has a value in column {}, but the header has {columns} columns.",
                    extra + 1
                ),
                extra,
                None,
            ));
        }
        let text = |i: usize| -> Result<&str, Box<Issue>> {
            let cell = cells.get(i).copied().unwrap_or_default();
            std::str::from_utf8(cell).map_err(|_| {
                let header = self.headers.get(i).cloned();
                row_invalid(
                    format!(
                        "Column {}{} of this row is not valid {} text; if the file is in another \
                         encoding (such as Windows-1252), read it as such.",
                        i + 1,
                        header
                            .as_deref()
                            .map(|h| format!(" ({h:?})"))
                            .unwrap_or_default(),
                        encoding.label().to_ascii_uppercase(),
                    ),
                    i,
                    header,
                )
            })
        };
        let mut entries: Vec<(usize, &str, Value)> = Vec::with_capacity(self.keys.len());
        for (key, cols) in &self.keys {
            let mut chosen: Option<(usize, &str)> = None;
            for &i in cols {
                let t = text(i)?;
                if t.is_empty() {
                    continue;
                }
                if !t.trim().is_empty() {
                    chosen = Some((i, t));
                    break;
                }
                chosen.get_or_insert((i, t));
            }
            if let Some((i, t)) = chosen {
                entries.push((i, key, cell_value(key, t)));
            }
        }
        for (i, header) in &self.kept {
            let t = text(*i)?;
            if !t.is_empty() {
                entries.push((*i, header, Value::String(t.to_owned())));
            }
        }
        entries.sort_by_key(|(i, _, _)| *i);
        let mut map = Map::new();
        for (_, k, v) in entries {
            map.insert(k.to_owned(), v);
        }
        Ok(Value::Object(map))
    }
}

fn row_invalid(message: String, column: usize, header: Option<String>) -> Box<Issue> {
    let mut issue = FieldIssue::new(Code::RowInvalid)
        .with_message(message)
        .with_ctx("column", (column + 1) as u64);
    if let Some(h) = header {
        issue = issue.with_ctx("header", h);
    }
    Box::new(Issue::at(Vec::new(), issue, None))
}

/// A cell's value for `key`.
fn cell_value(key: &str, text: &str) -> Value {
    match key {
        "tags" => tags_cell(text),
        "do_not_contact" if text == "true" => Value::Bool(true),
        "do_not_contact" if text == "false" => Value::Bool(false),
        "email" | "phone_number" => {
            let first = text.split(MULTI_VALUE).next().unwrap_or(text);
            Value::String(first.to_owned())
        }
        _ => Value::String(text.to_owned()),
    }
}

/// A `tags` cell: a JSON array text if it starts with `[` (kept as a string when it is not
/// JSON, so the payload gets `list_type`), else the items separated by `,`, `;` or white space.
/// A blank cell stays a blank string (null, or omitted with `blank: omit`).
pub fn tags_cell(text: &str) -> Value {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Value::String(text.to_owned());
    }
    if trimmed.starts_with('[') {
        return serde_json::from_str(trimmed).unwrap_or_else(|_| Value::String(text.to_owned()));
    }
    Value::Array(
        trimmed
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(|s| Value::String(s.to_owned()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::Unmapped;
    use serde_json::json;

    #[test]
    fn coalescing_conversions_and_kept_columns() {
        let m = Mapping::suggest(
            &[
                "Phone 1 - Value",
                "E-mail 1 - Value",
                "Tags",
                "Do Not Contact",
                "Nickname",
                "Mobile",
            ],
            Unmapped::Keep,
        );
        let p = row_payload(
            &m,
            &[
                b"  ",
                b"a@x.com ::: b@x.com",
                b"u1; u2",
                b"true",
                b"JJ",
                b"+1 415",
            ],
            Encoding::Utf8,
        )
        .unwrap();
        assert_eq!(
            p.to_string(),
            json!({"email": "a@x.com", "tags": ["u1", "u2"], "do_not_contact": true, "Nickname": "JJ", "phone_number": "+1 415"}).to_string()
        );
        // All blank: the first non-empty one (a blank string).
        let p = row_payload(&m, &[b" ", b"", b"", b"", b"", b""], Encoding::Utf8).unwrap();
        assert_eq!(p, json!({"phone_number": " "}));
    }

    #[test]
    fn rows_that_cannot_be_read() {
        let m = Mapping::suggest(&["Email", "Notes"], Unmapped::Drop);
        let e = row_payload(&m, &[b"a", b"", b"x"], Encoding::Utf8).unwrap_err();
        assert_eq!(e.code, Code::RowInvalid);
        assert_eq!(
            e.message,
            "This row has a value in column 3, but the header has 2 columns."
        );
        // Trailing empty cells are fine; bad bytes in a dropped column are not looked at.
        assert!(row_payload(&m, &[b"a", b"\xff", b""], Encoding::Utf8).is_ok());
        let e = row_payload(&m, &[b"\xe9a", b""], Encoding::Utf8).unwrap_err();
        assert_eq!(
            e.message,
            "Column 1 (\"Email\") of this row is not valid UTF-8 text; if the file is in another encoding (such as Windows-1252), read it as such."
        );
        assert_eq!(e.ctx.unwrap()["header"], "Email");
    }
}
