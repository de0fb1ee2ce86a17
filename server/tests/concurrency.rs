//! Many clients at once upserting overlapping identities, in different spellings, end with
//! exactly one contact per identity, every answer 200 or 201 (never 5xx), and the ids every
//! client was given for one identity are the same.

mod support;

use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use support::{temp_dir, Server};

const CLIENTS: usize = 12;
const REQUESTS: usize = 150;
const EMAIL_IDENTITIES: usize = 30;
const LINKEDIN_IDENTITIES: usize = 10;

/// Spellings of email identity `i` that normalize to the same address.
fn email(i: usize, v: usize) -> String {
    match v % 4 {
        0 => format!("person{i}@acme.com"),
        1 => format!("Person{i}@ACME.com"),
        2 => format!("\"Person {i}\" <PERSON{i}@Acme.Com>"),
        _ => format!("  mailto:person{i}@acme.com "),
    }
}

/// Spellings of LinkedIn identity `i`.
fn linkedin(i: usize, v: usize) -> String {
    match v % 3 {
        0 => format!("https://www.linkedin.com/in/member-{i}"),
        1 => format!("linkedin.com/in/Member-{i}/"),
        _ => format!("https://de.linkedin.com/in/member-{i}?trk=x"),
    }
}

#[test]
fn overlapping_upserts_keep_one_contact_per_identity() {
    let dir = temp_dir("concurrency");
    let server = Server::start(&dir.join("c.db"), &["--region", "US"]);
    // identity -> the ids answered for it; status -> count.
    let ids: Arc<Mutex<BTreeMap<String, BTreeSet<String>>>> = Arc::default();
    let statuses: Arc<Mutex<BTreeMap<u16, usize>>> = Arc::default();
    let threads: Vec<_> = (0..CLIENTS)
        .map(|t| {
            let (ids, statuses) = (ids.clone(), statuses.clone());
            let mut client = server.client();
            std::thread::spawn(move || {
                for n in 0..REQUESTS {
                    // A fixed, interleaved walk over the identities (no randomness needed:
                    // the threads' interleaving is the point).
                    let k = (t * 7 + n * 13) % (EMAIL_IDENTITIES + LINKEDIN_IDENTITIES);
                    let (identity, body) = if k < EMAIL_IDENTITIES {
                        // An email identity, with its own LinkedIn URL half the time.
                        let mut b = json!({"email": email(k, t + n), "title": format!("t{t} n{n}")});
                        if n % 2 == 0 {
                            b["linkedin_url"] = json!(linkedin(100 + k, n));
                        }
                        (format!("email {k}"), b)
                    } else {
                        let k = k - EMAIL_IDENTITIES;
                        let b = json!({"linkedin_url": linkedin(k, t + n), "location": format!("{t}/{n}")});
                        (format!("linkedin {k}"), b)
                    };
                    let r = client.put_json(body.to_string().as_bytes());
                    *statuses.lock().unwrap().entry(r.status).or_default() += 1;
                    if r.status == 200 || r.status == 201 {
                        let id = r.json()["data"]["id"].as_str().unwrap().to_owned();
                        ids.lock().unwrap().entry(identity).or_default().insert(id);
                    } else {
                        panic!("{body}: {} {}", r.status, r.text());
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("a client thread");
    }
    let statuses = statuses.lock().unwrap().clone();
    let ids = ids.lock().unwrap().clone();
    assert_eq!(
        statuses.keys().copied().collect::<Vec<_>>(),
        [200, 201],
        "{statuses:?}"
    );
    assert_eq!(
        statuses[&201],
        EMAIL_IDENTITIES + LINKEDIN_IDENTITIES,
        "{statuses:?}"
    );
    assert_eq!(statuses.values().sum::<usize>(), CLIENTS * REQUESTS);
    assert_eq!(ids.len(), EMAIL_IDENTITIES + LINKEDIN_IDENTITIES);
    for (identity, set) in &ids {
        assert_eq!(set.len(), 1, "{identity} got ids {set:?}");
    }
    let distinct: BTreeSet<_> = ids.values().flatten().collect();
    assert_eq!(distinct.len(), ids.len(), "two identities share a contact");
    // The database agrees.
    let conn = rusqlite::Connection::open(&server.db).expect("opens");
    let (rows, emails, linkedins): (i64, i64, i64) = conn
        .query_row(
            "SELECT count(*), count(DISTINCT email), count(DISTINCT linkedin_url) FROM contacts",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("counts");
    assert_eq!(rows as usize, EMAIL_IDENTITIES + LINKEDIN_IDENTITIES);
    assert_eq!(emails as usize, EMAIL_IDENTITIES);
    assert_eq!(linkedins as usize, EMAIL_IDENTITIES + LINKEDIN_IDENTITIES);
}
