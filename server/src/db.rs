//! Storage: one SQLite file (WAL, `synchronous=FULL`), one transaction per request.
//!
//! A contact is a row: its id, its normalized email and LinkedIn URL (each `UNIQUE`, so the
//! database itself holds "one contact per identity"), its fields as one JSON object (every
//! field ever set, `null` once cleared, custom fields after the known ones) and its times.
//!
//! Connections: rusqlite is synchronous, so every call runs on tokio's blocking pool
//! (`spawn_blocking`), never on the two runtime threads. Writes go through one connection
//! behind a mutex: SQLite lets one writer in at a time anyway, so more writer connections
//! would only trade the mutex for `SQLITE_BUSY` retries; the mutex also makes the
//! read-match-write of an upsert atomic without relying on busy timeouts (the transaction is
//! `BEGIN IMMEDIATE` all the same). Reads (`GET`) use their own connection, which WAL lets
//! run while a write commits.

use contact_rules::{Contact, ContactResponse, Field};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde_json::{Map, Value};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// The store: a writer and a reader connection to one SQLite file.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    reader: Arc<Mutex<Connection>>,
}

/// A stored contact.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Its id.
    pub id: String,
    /// Its fields (absent when never set).
    pub contact: Contact,
    /// When it was created.
    pub created_at: String,
}

impl Stored {
    /// The contact as the API returns it: every known field (`null` when never set or
    /// cleared), then custom fields, then `created_at`.
    pub fn response(self) -> ContactResponse {
        let mut c = self.contact;
        fill(&mut c.email);
        fill(&mut c.linkedin_url);
        fill(&mut c.first_name);
        fill(&mut c.last_name);
        fill(&mut c.title);
        fill(&mut c.phone_number);
        fill(&mut c.location);
        fill(&mut c.account_id);
        fill(&mut c.domain);
        fill(&mut c.do_not_contact);
        fill(&mut c.tags);
        ContactResponse {
            id: self.id,
            contact: c,
            created_at: Some(self.created_at),
        }
    }
}

fn fill<T>(f: &mut Field<T>) {
    if f.is_absent() {
        *f = Field::Null;
    }
}

/// What a write did.
#[derive(Debug)]
pub enum Written {
    /// A new contact.
    Created(Stored),
    /// An existing contact, updated.
    Updated(Stored),
}

/// Why a write was refused or failed.
#[derive(Debug)]
pub enum WriteError {
    /// PUT: the email belongs to one contact and the LinkedIn URL to another.
    Conflict {
        /// The contact the email matches.
        email_id: String,
        /// The contact the LinkedIn URL matches.
        linkedin_id: String,
    },
    /// POST: a contact with this email (`field == "email"`) or LinkedIn URL exists.
    Exists {
        /// `email` or `linkedin_url`.
        field: &'static str,
        /// The existing contact.
        id: String,
    },
    /// SQLite failed (disk full, I/O error...).
    Storage(String),
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        WriteError::Storage(e.to_string())
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS contacts (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT UNIQUE,
    linkedin_url TEXT UNIQUE,
    fields TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
";

fn open(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    // WAL: readers do not block the writer; FULL: a commit is on disk (fsync of the WAL)
    // before the request is answered, so every 2xx survives a crash, even of the machine.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

impl Db {
    /// Opens (or creates) the database file.
    ///
    /// # Errors
    /// SQLite's error when the file cannot be opened or is not a database.
    pub fn open(path: &Path) -> rusqlite::Result<Db> {
        let writer = open(path)?;
        writer.execute_batch(SCHEMA)?;
        let reader = open(path)?;
        Ok(Db {
            writer: Arc::new(Mutex::new(writer)),
            reader: Arc::new(Mutex::new(reader)),
        })
    }

    /// `PUT /v1/contacts`: updates the contact whose email (else LinkedIn URL) matches, or
    /// creates one. Absent fields keep their stored value, `null` clears it.
    pub fn upsert(&self, payload: &Contact, now: &str) -> Result<Written, WriteError> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let by_email = match payload.email.value() {
            Some(e) => find_id(&tx, "email", e)?,
            None => None,
        };
        let by_linkedin = match payload.linkedin_url.value() {
            Some(l) => find_id(&tx, "linkedin_url", l)?,
            None => None,
        };
        let target = match (by_email, by_linkedin) {
            (Some(a), Some(b)) if a != b => {
                return Err(WriteError::Conflict {
                    email_id: a,
                    linkedin_id: b,
                })
            }
            (a, b) => a.or(b),
        };
        let written = match target {
            Some(id) => {
                let (fields, created_at): (String, String) = tx.query_row(
                    "SELECT fields, created_at FROM contacts WHERE id = ?1",
                    [&id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                let mut contact: Contact = serde_json::from_str(&fields)
                    .map_err(|e| WriteError::Storage(format!("stored contact {id}: {e}")))?;
                merge(&mut contact, payload);
                write_row(&tx, &id, &contact, now, false)?;
                Written::Updated(Stored {
                    id,
                    contact,
                    created_at,
                })
            }
            None => Written::Created(insert(&tx, payload, now)?),
        };
        tx.commit()?;
        Ok(written)
    }

    /// `POST /v1/contacts`: creates a contact, unless its email or LinkedIn URL is taken.
    pub fn create(&self, payload: &Contact, now: &str) -> Result<Stored, WriteError> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (field, value) in [
            ("email", payload.email.value()),
            ("linkedin_url", payload.linkedin_url.value()),
        ] {
            if let Some(v) = value {
                if let Some(id) = find_id(&tx, field, v)? {
                    return Err(WriteError::Exists { field, id });
                }
            }
        }
        let stored = insert(&tx, payload, now)?;
        tx.commit()?;
        Ok(stored)
    }

    /// `GET /v1/contacts/{id}`.
    pub fn get(&self, id: &str) -> Result<Option<Stored>, WriteError> {
        let conn = lock(&self.reader);
        let row: Option<(String, String)> = conn
            .query_row(
                "SELECT fields, created_at FROM contacts WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(fields, created_at)| {
            let contact = serde_json::from_str(&fields)
                .map_err(|e| WriteError::Storage(format!("stored contact {id}: {e}")))?;
            Ok(Stored {
                id: id.to_owned(),
                contact,
                created_at,
            })
        })
        .transpose()
    }
}

/// The mutex's connection; a panic while it was held (there is none on these paths) leaves
/// SQLite's own state consistent, so a poisoned lock is taken as it is.
fn lock(m: &Mutex<Connection>) -> std::sync::MutexGuard<'_, Connection> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn find_id(conn: &Connection, column: &str, value: &str) -> rusqlite::Result<Option<String>> {
    // `column` is one of two literals chosen by the caller, never input.
    let sql = match column {
        "email" => "SELECT id FROM contacts WHERE email = ?1",
        _ => "SELECT id FROM contacts WHERE linkedin_url = ?1",
    };
    conn.query_row(sql, [value], |r| r.get(0)).optional()
}

fn insert(conn: &Connection, payload: &Contact, now: &str) -> Result<Stored, WriteError> {
    let id = uuid::Uuid::new_v4().to_string();
    write_row(conn, &id, payload, now, true)?;
    Ok(Stored {
        id,
        contact: payload.clone(),
        created_at: now.to_owned(),
    })
}

fn write_row(
    conn: &Connection,
    id: &str,
    contact: &Contact,
    now: &str,
    new: bool,
) -> Result<(), WriteError> {
    let fields = serde_json::to_string(contact)
        .map_err(|e| WriteError::Storage(format!("contact {id}: {e}")))?;
    let email = contact.email.value();
    let linkedin = contact.linkedin_url.value();
    if new {
        conn.execute(
            "INSERT INTO contacts (id, email, linkedin_url, fields, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![id, email, linkedin, fields, now],
        )?;
    } else {
        conn.execute(
            "UPDATE contacts SET email = ?2, linkedin_url = ?3, fields = ?4, updated_at = ?5
             WHERE id = ?1",
            params![id, email, linkedin, fields, now],
        )?;
    }
    Ok(())
}

/// PUT's three states: a field absent from `payload` keeps `stored`'s value; `null` or a
/// value replaces it. Custom fields likewise, key by key.
fn merge(stored: &mut Contact, payload: &Contact) {
    fn take<T: Clone>(stored: &mut Field<T>, payload: &Field<T>) {
        if !payload.is_absent() {
            *stored = payload.clone();
        }
    }
    take(&mut stored.email, &payload.email);
    take(&mut stored.linkedin_url, &payload.linkedin_url);
    take(&mut stored.first_name, &payload.first_name);
    take(&mut stored.last_name, &payload.last_name);
    take(&mut stored.title, &payload.title);
    take(&mut stored.phone_number, &payload.phone_number);
    take(&mut stored.location, &payload.location);
    take(&mut stored.account_id, &payload.account_id);
    take(&mut stored.domain, &payload.domain);
    take(&mut stored.do_not_contact, &payload.do_not_contact);
    take(&mut stored.tags, &payload.tags);
    let custom: &mut Map<String, Value> = &mut stored.custom_fields;
    for (k, v) in &payload.custom_fields {
        custom.insert(k.clone(), v.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contact_rules::{validate_contact_str, Options};

    fn contact(json: &str) -> Contact {
        validate_contact_str(json, &Options::default())
            .value
            .expect("valid")
    }

    fn temp_db(name: &str) -> (Db, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "contact-rules-server-db-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("t.db");
        (Db::open(&path).expect("opens"), dir)
    }

    #[test]
    fn three_states_and_matching() {
        let (db, dir) = temp_db("states");
        let a = contact(
            r#"{"email":"Jane.Doe@ACME.com","title":"CEO","phone_number":"+14155552671","custom_field_0b8f7d2e-3c1a-4e5f-9a6b-7c8d9e0f1a2b":"gold"}"#,
        );
        let Written::Created(first) = db.upsert(&a, "t1").expect("writes") else {
            panic!("created")
        };
        let b = contact(
            r#"{"email":"jane.doe@acme.com","title":null,"linkedin_url":"linkedin.com/in/jane-doe"}"#,
        );
        let Written::Updated(second) = db.upsert(&b, "t2").expect("writes") else {
            panic!("updated")
        };
        assert_eq!(second.id, first.id);
        assert_eq!(second.created_at, "t1");
        assert_eq!(second.contact.title, Field::Null, "null clears");
        assert_eq!(
            second.contact.phone_number,
            Field::Value("+14155552671".into()),
            "absent keeps"
        );
        assert_eq!(second.contact.custom_fields.len(), 1);
        // Matched by LinkedIn URL alone, in another spelling.
        let c = contact(
            r#"{"linkedin_url":"https://www.LinkedIn.com/in/Jane-Doe/?x=1","location":"Paris"}"#,
        );
        let Written::Updated(third) = db.upsert(&c, "t3").expect("writes") else {
            panic!("updated")
        };
        assert_eq!(third.id, first.id);
        let got = db.get(&first.id).expect("reads").expect("exists");
        assert_eq!(got.contact.location, Field::Value("Paris".into()));
        assert_eq!(got.contact.email, Field::Value("jane.doe@acme.com".into()));
        // Email of one contact, LinkedIn URL of another: refused, nothing written.
        let other = contact(r#"{"email":"john@acme.com"}"#);
        let Written::Created(john) = db.upsert(&other, "t4").expect("writes") else {
            panic!("created")
        };
        let clash = contact(
            r#"{"email":"john@acme.com","linkedin_url":"linkedin.com/in/jane-doe","title":"X"}"#,
        );
        match db.upsert(&clash, "t5") {
            Err(WriteError::Conflict {
                email_id,
                linkedin_id,
            }) => {
                assert_eq!((email_id, linkedin_id), (john.id.clone(), first.id.clone()));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            db.get(&john.id).unwrap().unwrap().contact.title,
            Field::Absent
        );
        assert!(matches!(
            db.create(&other, "t6"),
            Err(WriteError::Exists { field: "email", .. })
        ));
        drop(db);
        let _ = std::fs::remove_dir_all(dir);
    }
}
