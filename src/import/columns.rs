//! Column mapping: which payload key each column of a spreadsheet becomes.
//!
//! One table ([`ALIASES`]) maps header names, compared by their *compact* form (lower case,
//! letters and digits only: `E-mail 2 Address` → `email2address`), to payload keys, with a rank
//! among the columns of the same key. It holds the headers of the exports people have: Google
//! Contacts, Outlook, Salesforce (reports and data export), HubSpot, Apollo, LinkedIn's
//! Connections export and Excel templates, plus common spellings and a few German, French and
//! Spanish ones. Headers that look like a field but are not one are listed too, with the reason
//! ([`TRAPS`]): Outlook's `Title` is an honorific when a `Job Title` column is there, a
//! `Company Linkedin Url` is a company page, a fax is not a phone, a CRM's own record id is not
//! the API's account UUID.
//!
//! **Several columns for one key** (`E-mail Address`, `E-mail 2 Address`; `Primary Phone`,
//! `Mobile Phone`, `Business Phone`) are all kept, in rank order: each row takes the first
//! non-empty one. Two columns of the same key *and* rank (`Email` and `E-mail`) are ambiguous:
//! [`Mapping::problems`] says so, and nothing is guessed.
//!
//! A header that is exactly a payload key (`email`, `custom_field_<uuid>`) always maps to it.
//! When every mapped column is named so (no alias needed), the file is a payload-key CSV, as
//! `--columns exact` reads it: its other columns are kept as unknown keys, whatever
//! [`Unmapped`] says, so files of that format read as they always did.
//!
//! # Example
//! ```
//! use contact_rules::import::columns::{Mapping, Unmapped};
//! let headers = ["First Name", "Last Name", "E-mail Address", "Mobile Phone", "Business Phone", "Title", "Job Title"];
//! let m = Mapping::suggest(&headers, Unmapped::Drop);
//! assert!(m.problems().is_empty());
//! assert_eq!(m.columns[2].key.as_deref(), Some("email"));
//! assert_eq!(m.columns[4].key.as_deref(), Some("phone_number")); // after Mobile Phone
//! assert_eq!(m.columns[5].key, None); // Outlook's honorific
//! assert_eq!(m.columns[6].key.as_deref(), Some("title"));
//! ```

use serde::Serialize;
use std::fmt;

/// The payload's keys, in the API's order (SPEC.md §1), that a column can map to (besides
/// `custom_field_<uuid>`).
pub const FIELDS: &[&str] = &crate::contact::KNOWN_KEYS;

/// Header aliases: `(compact header, payload key, rank)`. Lower ranks come first when a row has
/// several columns of the same key filled; aliases of one rank are synonyms (two of them in one
/// file are ambiguous). The priority of phones, documented in the README: the main number
/// (`Phone`, `Primary Phone`, Google's `Phone 1`), mobile, direct line (Apollo's `Work Direct
/// Phone`), work (`Business Phone`), second work, home, second home, other, Google's `Phone 2`
/// and `Phone 3`. Emails: the main address, the second (`E-mail 2 Address`, `Secondary Email`),
/// a personal one, another, the third.
pub const ALIASES: &[(&str, &str, u8)] = &[
    // email: 0 the main address, 1 the second, 2 a personal one, 3 another, 4 the third
    ("email", "email", 0),
    ("emailaddress", "email", 0),
    ("mail", "email", 0),
    ("primaryemail", "email", 0),
    ("workemail", "email", 0),
    ("businessemail", "email", 0),
    ("email1", "email", 0),
    ("email1value", "email", 0),
    ("emailaddress1", "email", 0),
    ("emailadresse", "email", 0),
    ("adressedemessagerie", "email", 0),
    ("courriel", "email", 0),
    ("correoelectrónico", "email", 0),
    ("correoelectronico", "email", 0),
    ("secondaryemail", "email", 1),
    ("email2", "email", 1),
    ("email2value", "email", 1),
    ("email2address", "email", 1),
    ("emailaddress2", "email", 1),
    ("personalemail", "email", 2),
    ("otheremail", "email", 3),
    ("tertiaryemail", "email", 4),
    ("email3", "email", 4),
    ("email3value", "email", 4),
    ("email3address", "email", 4),
    ("emailaddress3", "email", 4),
    // linkedin_url
    ("linkedinurl", "linkedin_url", 0),
    ("linkedin", "linkedin_url", 0),
    ("linkedinprofile", "linkedin_url", 0),
    ("linkedinprofileurl", "linkedin_url", 0),
    ("personlinkedinurl", "linkedin_url", 0),
    ("linkedinlink", "linkedin_url", 0),
    // first_name
    ("firstname", "first_name", 0),
    ("first", "first_name", 0),
    ("givenname", "first_name", 0),
    ("forename", "first_name", 0),
    ("vorname", "first_name", 0),
    ("prénom", "first_name", 0),
    ("prenom", "first_name", 0),
    ("nombre", "first_name", 0),
    // last_name
    ("lastname", "last_name", 0),
    ("last", "last_name", 0),
    ("surname", "last_name", 0),
    ("familyname", "last_name", 0),
    ("nachname", "last_name", 0),
    ("nom", "last_name", 0),
    ("apellido", "last_name", 0),
    ("apellidos", "last_name", 0),
    // title (the job title; Outlook's `Title` is handled apart)
    ("jobtitle", "title", 0),
    ("position", "title", 0),
    ("job", "title", 0),
    ("organizationtitle", "title", 0),
    ("organization1title", "title", 0),
    ("jobposition", "title", 0),
    ("puesto", "title", 0),
    // phone_number: 0 the main number, 1 mobile, 2 direct line, 3 work, 4 second work,
    // 5 home, 6 second home, 7 other, 8 Google's second, 9 Google's third
    ("phone", "phone_number", 0),
    ("phonenumber", "phone_number", 0),
    ("telephone", "phone_number", 0),
    ("telephonenumber", "phone_number", 0),
    ("tel", "phone_number", 0),
    ("primaryphone", "phone_number", 0),
    ("phone1", "phone_number", 0),
    ("phone1value", "phone_number", 0),
    ("telefon", "phone_number", 0),
    ("téléphone", "phone_number", 0),
    ("teléfono", "phone_number", 0),
    ("mobilephone", "phone_number", 1),
    ("mobilephonenumber", "phone_number", 1),
    ("mobile", "phone_number", 1),
    ("mobilenumber", "phone_number", 1),
    ("cell", "phone_number", 1),
    ("cellphone", "phone_number", 1),
    ("mobiltelefon", "phone_number", 1),
    ("handy", "phone_number", 1),
    ("téléphonemobile", "phone_number", 1),
    ("workdirectphone", "phone_number", 2),
    ("directphone", "phone_number", 2),
    ("directdial", "phone_number", 2),
    ("businessphone", "phone_number", 3),
    ("workphone", "phone_number", 3),
    ("officephone", "phone_number", 3),
    ("telefongeschäftlich", "phone_number", 3),
    ("téléphonebureau", "phone_number", 3),
    ("businessphone2", "phone_number", 4),
    ("homephone", "phone_number", 5),
    ("homephone2", "phone_number", 6),
    ("otherphone", "phone_number", 7),
    ("phone2", "phone_number", 8),
    ("phone2value", "phone_number", 8),
    ("phone3", "phone_number", 9),
    ("phone3value", "phone_number", 9),
    // location
    ("location", "location", 0),
    ("ort", "location", 0),
    // account_id: only names that say UUID (a CRM's `Account ID` is its own record id)
    ("accountuuid", "account_id", 0),
    // domain
    ("domain", "domain", 0),
    ("companydomain", "domain", 0),
    ("companydomainname", "domain", 0),
    ("domainname", "domain", 0),
    ("website", "domain", 1),
    ("companywebsite", "domain", 1),
    ("websiteurl", "domain", 1),
    ("companyurl", "domain", 1),
    // do_not_contact
    ("donotcontact", "do_not_contact", 0),
    ("dnc", "do_not_contact", 0),
    // tags
    ("tags", "tags", 0),
    ("tag", "tags", 0),
    ("tagids", "tags", 0),
    ("taguuids", "tags", 0),
];

/// Headers that look like a field and are not one: `(compact header, why it is not imported)`.
pub const TRAPS: &[(&str, &str)] = &[
    (
        "firma",
        "the company's name: the payload has domain (its web domain)",
    ),
    (
        "société",
        "the company's name: the payload has domain (its web domain)",
    ),
    (
        "empresa",
        "the company's name: the payload has domain (its web domain)",
    ),
    (
        "companylinkedinurl",
        "the company's LinkedIn page, not a person's profile",
    ),
    (
        "companylinkedin",
        "the company's LinkedIn page, not a person's profile",
    ),
    (
        "companylinkedinprofile",
        "the company's LinkedIn page, not a person's profile",
    ),
    ("fax", "a fax number, not a phone"),
    ("businessfax", "a fax number, not a phone"),
    ("homefax", "a fax number, not a phone"),
    ("otherfax", "a fax number, not a phone"),
    ("pager", "a pager, not a phone"),
    ("assistantsphone", "the assistant's phone, not the person's"),
    ("assistantphone", "the assistant's phone, not the person's"),
    (
        "companyphone",
        "the company's switchboard, not the person's phone",
    ),
    (
        "corporatephone",
        "the company's switchboard, not the person's phone",
    ),
    (
        "companymainphone",
        "the company's switchboard, not the person's phone",
    ),
    ("salutation", "an honorific (Mr., Dr.), not the job title"),
    ("nameprefix", "an honorific (Mr., Dr.), not the job title"),
    ("prefix", "an honorific (Mr., Dr.), not the job title"),
    (
        "name",
        "a full name: the payload has first_name and last_name",
    ),
    (
        "fullname",
        "a full name: the payload has first_name and last_name",
    ),
    (
        "company",
        "the company's name: the payload has domain (its web domain)",
    ),
    (
        "companyname",
        "the company's name: the payload has domain (its web domain)",
    ),
    (
        "accountname",
        "the company's name: the payload has domain (its web domain)",
    ),
    (
        "organizationname",
        "the company's name: the payload has domain (its web domain)",
    ),
    (
        "organization1name",
        "the company's name: the payload has domain (its web domain)",
    ),
    (
        "accountid",
        "a record id of the exporting tool, not the API's account UUID",
    ),
    (
        "id",
        "a record id of the exporting tool, not the API's account UUID",
    ),
    (
        "contactid",
        "a record id of the exporting tool, not the API's account UUID",
    ),
    (
        "recordid",
        "a record id of the exporting tool, not the API's account UUID",
    ),
    (
        "apollocontactid",
        "a record id of the exporting tool, not the API's account UUID",
    ),
    (
        "apolloaccountid",
        "a record id of the exporting tool, not the API's account UUID",
    ),
    ("labels", "group names: tags are UUIDs"),
    ("categories", "group names: tags are UUIDs"),
    ("email1label", "the label of another column"),
    ("email1type", "the label of another column"),
    ("email2label", "the label of another column"),
    ("email2type", "the label of another column"),
    ("phone1label", "the label of another column"),
    ("phone1type", "the label of another column"),
    ("phone2label", "the label of another column"),
    ("phone2type", "the label of another column"),
    (
        "webpage",
        "maybe a personal page: map it to domain if it is the company's site",
    ),
    (
        "website1value",
        "maybe a personal page: map it to domain if it is the company's site",
    ),
    (
        "personalwebpage",
        "a personal page, not the company's domain",
    ),
];

/// What to do with the columns that map to no payload key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unmapped {
    /// Leave them out of the payload (they are reported).
    Drop,
    /// Keep them under their header name, as unknown keys (the `unknown_keys` option decides).
    Keep,
}

/// How a column got its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// The header is the payload key itself.
    Exact,
    /// The header is a known alias of the key.
    Alias,
    /// The export's layout tells (LinkedIn's `URL` next to `Connected On`).
    Layout,
    /// The user said so.
    User,
    /// No key: left out or kept under the header name, per [`Unmapped`].
    Unmapped,
    /// `--columns exact`: the header is used as the key, whatever it is.
    Header,
}

/// One column and what it becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// 0-based position in the header row.
    pub index: usize,
    /// The header, trimmed.
    pub header: String,
    /// The payload key; `None` when the column maps to no key.
    pub key: Option<String>,
    /// Among the columns of the same key, lower ranks are taken first in each row.
    pub rank: u8,
    /// How the key was chosen.
    pub how: How,
    /// Why an unmapped column is not imported, when there is more to say than "no such field".
    pub note: Option<String>,
    /// For an unmapped column: kept under its header name instead of left out.
    pub keep: bool,
}

/// A problem that stops the mapping from being used: the user must say what they mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The columns concerned (0-based).
    pub columns: Vec<usize>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The mapping of a header row to payload keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mapping {
    /// Every column, in header order.
    pub columns: Vec<Column>,
    /// `true` for `--columns exact` (the header names are the keys).
    pub exact: bool,
}

/// A header's compact form: lower case, letters and digits only (`E-mail 2 Address` →
/// `email2address`, `Prénom` → `prénom`).
pub fn compact(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `key` is a payload key a column can map to: a field or `custom_field_<uuid>`.
pub fn is_payload_key(key: &str) -> bool {
    FIELDS.contains(&key)
        || key
            .strip_prefix("custom_field_")
            .is_some_and(crate::uuid::is_hyphenated)
}

/// The alias entry of a header, if any.
fn alias(compact: &str) -> Option<(&'static str, u8)> {
    ALIASES
        .iter()
        .find(|(a, _, _)| *a == compact)
        .map(|&(_, k, r)| (k, r))
}

fn trap(compact: &str) -> Option<&'static str> {
    TRAPS.iter().find(|(a, _)| *a == compact).map(|&(_, n)| n)
}

fn quoted(header: &str) -> String {
    format!("{header:?}")
}

impl Mapping {
    /// The suggested mapping of a header row (headers are trimmed here).
    pub fn suggest<S: AsRef<str>>(headers: &[S], unmapped: Unmapped) -> Mapping {
        let compacts: Vec<String> = headers.iter().map(|h| compact(h.as_ref())).collect();
        let has = |c: &str| compacts.iter().any(|x| x == c);
        let linkedin_export = has("connectedon");
        let mut columns: Vec<Column> = headers
            .iter()
            .enumerate()
            .map(|(index, h)| {
                let header = h.as_ref().trim().to_owned();
                let c = &compacts[index];
                let mut col = Column {
                    index,
                    header: header.clone(),
                    key: None,
                    rank: 0,
                    how: How::Unmapped,
                    note: None,
                    keep: false,
                };
                if is_payload_key(&header) {
                    col.key = Some(header);
                    col.how = How::Exact;
                } else if let Some(stripped) = header
                    .to_ascii_lowercase()
                    .strip_prefix("custom_field_")
                    .filter(|u| crate::uuid::is_hyphenated(u))
                {
                    col.key = Some(format!("custom_field_{stripped}"));
                    col.how = How::Exact;
                } else if let Some((key, rank)) = alias(c) {
                    col.key = Some(key.to_owned());
                    col.rank = rank;
                    col.how = How::Alias;
                } else if c == "url" || c == "profileurl" {
                    if linkedin_export {
                        col.key = Some("linkedin_url".into());
                        col.how = How::Layout;
                    } else {
                        col.note = Some(
                            "a URL without saying of what: map it to linkedin_url or domain".into(),
                        );
                    }
                } else if header.is_empty() {
                    col.note = Some("the column has no header name".into());
                } else if let Some(n) = trap(c) {
                    col.note = Some(n.to_owned());
                }
                col
            })
            .collect();
        // Outlook's `Title` is an honorific when another column holds the job title.
        let job_title = columns
            .iter()
            .find(|c| c.key.as_deref() == Some("title") && c.how != How::Exact)
            .map(|c| c.header.clone());
        for col in &mut columns {
            if col.key.is_none() && compacts[col.index] == "title" {
                match &job_title {
                    Some(job) => {
                        col.note = Some(format!(
                            "an honorific (Mr., Dr.), as Outlook's Title: the job title is {}",
                            quoted(job)
                        ));
                    }
                    None => {
                        col.key = Some("title".into());
                        col.how = How::Alias;
                    }
                }
            }
        }
        // A column named exactly as a key takes it; aliases of that key are left out.
        let exact: Vec<(String, String)> = columns
            .iter()
            .filter(|c| c.how == How::Exact)
            .filter_map(|c| c.key.clone().map(|k| (k, c.header.clone())))
            .collect();
        for col in &mut columns {
            if col.how == How::Exact {
                continue;
            }
            if let Some((k, h)) = exact.iter().find(|(k, _)| Some(k) == col.key.as_ref()) {
                col.note = Some(format!("{k} is taken from the column named {}", quoted(h)));
                col.key = None;
                col.how = How::Unmapped;
            }
        }
        // A header that names payload keys (and needs no alias) is a payload-key CSV, the
        // format of `--columns exact`: its other columns are unknown keys, as they always were.
        let names_keys = columns.iter().any(|c| c.how == How::Exact)
            && !columns
                .iter()
                .any(|c| matches!(c.how, How::Alias | How::Layout));
        for col in &mut columns {
            if col.key.is_none() {
                col.keep = (names_keys || unmapped == Unmapped::Keep) && !col.header.is_empty();
            }
        }
        Mapping {
            columns,
            exact: false,
        }
    }

    /// `--columns exact`: every header is the key of its column, as written (trimmed).
    pub fn exact<S: AsRef<str>>(headers: &[S]) -> Mapping {
        let columns = headers
            .iter()
            .enumerate()
            .map(|(index, h)| {
                let header = h.as_ref().trim().to_owned();
                Column {
                    index,
                    key: Some(header.clone()),
                    header,
                    rank: 0,
                    how: How::Header,
                    note: None,
                    keep: false,
                }
            })
            .collect();
        Mapping {
            columns,
            exact: true,
        }
    }

    /// The column a user names: its header exactly, else its compact form when only one column
    /// has it, else `#N` (1-based).
    ///
    /// # Errors
    /// A message saying which columns there are.
    pub fn find(&self, name: &str) -> Result<usize, String> {
        let name = name.trim();
        if let Some(c) = self.columns.iter().find(|c| c.header == name) {
            return Ok(c.index);
        }
        let want = compact(name);
        let same: Vec<&Column> = self
            .columns
            .iter()
            .filter(|c| !want.is_empty() && compact(&c.header) == want)
            .collect();
        if same.len() == 1 {
            return Ok(same[0].index);
        }
        if let Some(n) = name.strip_prefix('#').and_then(|n| n.parse::<usize>().ok()) {
            if (1..=self.columns.len()).contains(&n) {
                return Ok(n - 1);
            }
        }
        let list: Vec<String> = self.columns.iter().map(|c| quoted(&c.header)).collect();
        Err(format!(
            "no column {} in the header (its columns: {}; #N names the Nth)",
            quoted(name),
            list.join(", ")
        ))
    }

    /// Applies the user's mappings, in order: `(column name, target)` where the target is a
    /// payload key, `custom_field_<uuid>`, or `-` to leave the column out. A key given here
    /// takes only the columns given for it, in the order given (the columns suggested for it
    /// become unmapped).
    ///
    /// # Errors
    /// An unknown column or target, or a column given twice.
    pub fn apply<S: AsRef<str>, T: AsRef<str>>(&mut self, pairs: &[(S, T)]) -> Result<(), String> {
        let mut given: Vec<usize> = Vec::new();
        let mut keys: Vec<(String, u8)> = Vec::new();
        for (name, target) in pairs {
            let (name, target) = (name.as_ref(), target.as_ref().trim());
            let i = self.find(name)?;
            if given.contains(&i) {
                return Err(format!(
                    "the column {} is mapped twice",
                    quoted(&self.columns[i].header)
                ));
            }
            given.push(i);
            let key = if target == "-" {
                None
            } else {
                let t = match target.get(..13) {
                    Some(p) if p.eq_ignore_ascii_case("custom_field_") => format!(
                        "custom_field_{}",
                        target.get(13..).unwrap_or_default().to_ascii_lowercase()
                    ),
                    _ => target.to_owned(),
                };
                if !is_payload_key(&t) {
                    return Err(format!(
                        "{} is not a payload key: use one of {}, custom_field_<uuid>, or - to leave the column out",
                        quoted(target),
                        FIELDS.join(", ")
                    ));
                }
                Some(t)
            };
            let rank = match &key {
                Some(k) => {
                    let r = keys.iter().filter(|(x, _)| x == k).count() as u8;
                    keys.push((k.clone(), r));
                    r
                }
                None => 0,
            };
            let col = &mut self.columns[i];
            col.note = if key.is_none() {
                Some("left out as asked".into())
            } else {
                None
            };
            col.key = key;
            col.rank = rank;
            col.how = How::User;
            col.keep = false;
        }
        // Keys the user gave take only the user's columns.
        for col in &mut self.columns {
            if col.how != How::User {
                if let Some(k) = &col.key {
                    if keys.iter().any(|(x, _)| x == k) {
                        col.note = Some(format!("{k} is taken from the columns given with --map"));
                        col.key = None;
                        col.how = How::Unmapped;
                    }
                }
            }
        }
        Ok(())
    }

    /// What stops this mapping from being used: two columns of the same key and rank (which of
    /// them is meant cannot be told), or, with `--columns exact`, nothing.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.exact {
            return out;
        }
        for (i, a) in self.columns.iter().enumerate() {
            let Some(key) = &a.key else { continue };
            let same: Vec<&Column> = self.columns[i + 1..]
                .iter()
                .filter(|b| b.key.as_ref() == Some(key) && b.rank == a.rank)
                .collect();
            let earlier = self.columns[..i]
                .iter()
                .any(|b| b.key.as_ref() == Some(key) && b.rank == a.rank);
            if same.is_empty() || earlier {
                continue;
            }
            let mut columns = vec![a.index];
            columns.extend(same.iter().map(|b| b.index));
            let names: Vec<String> = std::iter::once(a)
                .chain(same.iter().copied())
                .map(|c| format!("{} (column {})", quoted(&c.header), c.index + 1))
                .collect();
            out.push(Problem {
                columns,
                message: format!(
                    "the columns {} could each be {key}: say which with --map 'COLUMN={key}' \
                     (the others are then left out), or give them in order of preference",
                    names.join(" and ")
                ),
            });
        }
        out
    }

    /// The columns of each key, in the order a row takes them: `(key, [column indexes])`, keys
    /// in the order of their first column.
    pub fn keys(&self) -> Vec<(String, Vec<usize>)> {
        let mut out: Vec<(String, Vec<(u8, usize)>)> = Vec::new();
        for c in &self.columns {
            if let Some(k) = &c.key {
                match out.iter_mut().find(|(x, _)| x == k) {
                    Some((_, cols)) => cols.push((c.rank, c.index)),
                    None => out.push((k.clone(), vec![(c.rank, c.index)])),
                }
            }
        }
        out.into_iter()
            .map(|(k, mut cols)| {
                cols.sort_unstable();
                (k, cols.into_iter().map(|(_, i)| i).collect())
            })
            .collect()
    }

    /// The columns that map to no key.
    pub fn unmapped(&self) -> impl Iterator<Item = &Column> {
        self.columns.iter().filter(|c| c.key.is_none())
    }

    /// The mapping as lines for people (the command line prints them on stderr):
    /// `  email         <- "E-mail Address" (column 15), else "E-mail 2 Address" (16)`, then the
    /// columns left out or kept, with the reason.
    pub fn report(&self) -> String {
        let mut s = String::new();
        for (key, cols) in self.keys() {
            let names: Vec<String> = cols
                .iter()
                .enumerate()
                .map(|(n, &i)| {
                    let c = &self.columns[i];
                    if n == 0 {
                        format!("{} (column {})", quoted(&c.header), i + 1)
                    } else {
                        format!("{} ({})", quoted(&c.header), i + 1)
                    }
                })
                .collect();
            let from = if self.exact && cols.len() == 1 {
                String::new()
            } else {
                format!(" <- {}", names.join(", else "))
            };
            if !self.exact {
                s.push_str(&format!("  {key:<14}{from}\n"));
            }
        }
        let (kept, left): (Vec<&Column>, Vec<&Column>) = self.unmapped().partition(|c| c.keep);
        let describe = |c: &&Column| {
            let mut d = format!("{} (column {}", quoted(&c.header), c.index + 1);
            if let Some(n) = &c.note {
                d.push_str(": ");
                d.push_str(n);
            }
            d.push(')');
            d
        };
        if !kept.is_empty() {
            let list: Vec<String> = kept.iter().map(describe).collect();
            s.push_str(&format!(
                "  kept under their header name (unknown keys): {}\n",
                list.join(", ")
            ));
        }
        if !left.is_empty() {
            let list: Vec<String> = left.iter().map(describe).collect();
            s.push_str(&format!("  not imported: {}\n", list.join(", ")));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(m: &Mapping, header: &str) -> Option<String> {
        m.columns
            .iter()
            .find(|c| c.header == header)
            .and_then(|c| c.key.clone())
    }

    #[test]
    fn aliases_are_compact_known_and_unique() {
        for (i, (a, k, _)) in ALIASES.iter().enumerate() {
            assert_eq!(&compact(a), a, "{a} is not in compact form");
            assert!(FIELDS.contains(k), "{a}: {k}");
            assert!(
                ALIASES[i + 1..].iter().all(|(b, _, _)| b != a),
                "{a} listed twice"
            );
            assert!(trap(a).is_none(), "{a} is an alias and a trap");
        }
        for (a, _) in TRAPS {
            assert_eq!(&compact(a), a);
        }
    }

    #[test]
    fn the_issue_example_maps_every_column() {
        let h = "First Name,Last Name,Email Address,Phone Number,Job Title,Company Domain,LinkedIn URL,Tags,Do Not Contact";
        let headers: Vec<&str> = h.split(',').collect();
        let m = Mapping::suggest(&headers, Unmapped::Drop);
        let keys: Vec<Option<String>> = m.columns.iter().map(|c| c.key.clone()).collect();
        let want = [
            "first_name",
            "last_name",
            "email",
            "phone_number",
            "title",
            "domain",
            "linkedin_url",
            "tags",
            "do_not_contact",
        ];
        assert_eq!(
            keys,
            want.iter().map(|k| Some(k.to_string())).collect::<Vec<_>>()
        );
        assert!(m.problems().is_empty());
    }

    #[test]
    fn traps() {
        let m = Mapping::suggest(
            &[
                "Title",
                "Job Title",
                "Company Linkedin Url",
                "Person Linkedin Url",
                "Business Fax",
                "Email Status",
                "Account ID",
                "account_id",
            ],
            Unmapped::Drop,
        );
        assert_eq!(key_of(&m, "Title"), None);
        assert!(m.columns[0].note.as_ref().unwrap().contains("honorific"));
        assert_eq!(key_of(&m, "Job Title").as_deref(), Some("title"));
        assert_eq!(key_of(&m, "Company Linkedin Url"), None);
        assert_eq!(
            key_of(&m, "Person Linkedin Url").as_deref(),
            Some("linkedin_url")
        );
        assert_eq!(key_of(&m, "Business Fax"), None);
        assert_eq!(key_of(&m, "Email Status"), None);
        assert_eq!(key_of(&m, "Account ID"), None);
        assert_eq!(key_of(&m, "account_id").as_deref(), Some("account_id"));
        // A column named as the key wins over aliases.
        let m = Mapping::suggest(&["firstName", "first_name"], Unmapped::Drop);
        assert_eq!(m.keys(), vec![("first_name".into(), vec![1])]);
        assert!(m.columns[0]
            .note
            .as_ref()
            .unwrap()
            .contains("\"first_name\""));
        // Title alone is the job title (Salesforce, Apollo).
        let m = Mapping::suggest(&["Title", "Email"], Unmapped::Drop);
        assert_eq!(key_of(&m, "Title").as_deref(), Some("title"));
        // URL is LinkedIn's only in LinkedIn's export.
        let m = Mapping::suggest(&["First Name", "URL", "Connected On"], Unmapped::Drop);
        assert_eq!(key_of(&m, "URL").as_deref(), Some("linkedin_url"));
        let m = Mapping::suggest(&["First Name", "URL"], Unmapped::Drop);
        assert_eq!(key_of(&m, "URL"), None);
    }

    #[test]
    fn priority_and_ambiguity() {
        let m = Mapping::suggest(
            &[
                "Home Phone",
                "Mobile Phone",
                "Primary Phone",
                "Business Phone",
            ],
            Unmapped::Drop,
        );
        assert_eq!(m.keys(), vec![("phone_number".into(), vec![2, 1, 3, 0])]);
        // Every alias of phones and emails of another meaning has its own rank.
        let outlook = [
            "Primary Phone",
            "Home Phone",
            "Home Phone 2",
            "Mobile Phone",
            "Business Phone",
            "Business Phone 2",
            "Other Phone",
        ];
        let apollo = [
            "Work Direct Phone",
            "Home Phone",
            "Mobile Phone",
            "Other Phone",
        ];
        let emails = [
            "Email",
            "Secondary Email",
            "Personal Email",
            "Other Email",
            "Tertiary Email",
        ];
        for headers in [&outlook[..], &apollo[..], &emails[..]] {
            assert!(
                Mapping::suggest(headers, Unmapped::Drop)
                    .problems()
                    .is_empty(),
                "{headers:?}"
            );
        }
        let m = Mapping::suggest(&["Email", "E-mail", "Phone"], Unmapped::Drop);
        let p = m.problems();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].columns, vec![0, 1]);
        assert!(p[0]
            .message
            .contains("\"Email\" (column 1) and \"E-mail\" (column 2)"));
        let mut m = m;
        m.apply(&[("E-mail", "email")]).unwrap();
        assert!(m.problems().is_empty());
        assert_eq!(key_of(&m, "Email"), None);
        assert_eq!(m.keys()[0], ("email".into(), vec![1]));
    }

    #[test]
    fn a_header_of_payload_keys_keeps_its_other_columns() {
        let m = Mapping::suggest(
            &["email", "first_name", "firstName", "nickname", "Fax"],
            Unmapped::Drop,
        );
        let kept: Vec<bool> = m.columns.iter().map(|c| c.keep).collect();
        assert_eq!(kept, [false, false, true, true, true]);
        assert_eq!(m.keys()[0], ("email".into(), vec![0]));
        // One alias in use: a mapped export, whose other columns follow Unmapped.
        let m = Mapping::suggest(&["email", "First Name", "nickname"], Unmapped::Drop);
        assert!(!m.columns[2].keep);
    }

    #[test]
    fn user_mappings() {
        let mut m = Mapping::suggest(
            &["Email", "Connected On", "Company", "Notes"],
            Unmapped::Keep,
        );
        assert!(m.columns[1].keep && m.columns[2].keep);
        m.apply(&[
            (
                "connected on",
                "custom_field_6BA7B810-9DAD-11D1-80B4-00C04FD430C8",
            ),
            ("#3", "-"),
        ])
        .unwrap();
        assert_eq!(
            m.columns[1].key.as_deref(),
            Some("custom_field_6ba7b810-9dad-11d1-80b4-00c04fd430c8")
        );
        assert!(!m.columns[2].keep && m.columns[2].key.is_none());
        assert!(m
            .apply(&[("Nope", "email")])
            .unwrap_err()
            .contains("no column \"Nope\""));
        assert!(m
            .apply(&[("Notes", "notes")])
            .unwrap_err()
            .contains("not a payload key"));
        assert!(m
            .apply(&[("Notes", "-"), ("Notes", "title")])
            .unwrap_err()
            .contains("twice"));
    }

    #[test]
    fn report_lists_everything() {
        let m = Mapping::suggest(
            &["E-mail Address", "E-mail 2 Address", "Fax", "Spouse"],
            Unmapped::Drop,
        );
        let r = m.report();
        assert_eq!(
            r,
            "  email          <- \"E-mail Address\" (column 1), else \"E-mail 2 Address\" (2)\n  \
             not imported: \"Fax\" (column 3: a fax number, not a phone), \"Spouse\" (column 4)\n"
        );
    }
}
